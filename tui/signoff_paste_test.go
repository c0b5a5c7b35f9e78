package tui_test

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A comment pasted longer than the 2,000 characters a sign-off keeps is
// refused whole, saying so: the field kept its first 2,000 and dropped
// the rest without a word, and enter signed the submission with the
// comment cut in the middle of a sentence.
func TestASignOffCommentPastedTooLongIsRefusedNotCut(t *testing.T) {
	e, a := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: draft · S submits it for review")
	f.press("S")
	f.waitFor("Submit for review")
	f.press("enter")
	f.waitFor("┃ Comment")
	f.typeText("Ready")
	f.waitFor("┃ Ready")
	f.tm.Send(tea.PasteMsg{Content: strings.Repeat(" for the committee", 200)})
	f.waitFor("Not pasted", "limit", "Nothing was added")
	f.press("enter")
	f.waitFor("#1 is in review")
	f.quit()
	signed, err := e.db.Assessment(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(signed.SignOffs); n == 0 || signed.SignOffs[n-1].Comment != "Ready" {
		t.Errorf("the sign-offs are %+v; want the submission signed with %q", signed.SignOffs, "Ready")
	}
}
