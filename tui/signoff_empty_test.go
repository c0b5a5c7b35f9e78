package tui_test

import "testing"

// A rejection's comment that is nothing once cleaned (a bidi control
// alone) is asked for again in the form, as an empty one is: the store
// takes it for empty and refuses the rejection after the form is gone.
func TestARejectionCommentThatCleansToNothingIsAskedForAgain(t *testing.T) {
	e, _ := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: draft · S submits it for review")
	f.press("S")
	f.waitFor("Submit for review")
	f.press("enter")
	f.waitFor("┃ Comment")
	f.press("enter")
	f.waitFor("State: in review")
	f.press("S")
	f.waitFor("Reject: send it back")
	f.press("down", "enter")
	f.waitFor("┃ Comment")
	f.typeText("\u202e")
	f.press("enter")
	f.waitFor("say why: this decision needs a comment")
	f.press("esc")
	f.quit()
}
