package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A refusal in the workspace told the person the command to type at a
// shell ("(assay review 1 --withdraw)", "(assay revise 1)", "assay review
// --accept-unconfirmed"), which is not where they are: it says the key or
// the choice that does it here.
func TestWorkspaceRefusalsPointToTheKeys(t *testing.T) {
	t.Run("four eyes", func(t *testing.T) {
		// Omar submitted it, so Dana is offered Reject; before she
		// signs, Omar withdraws it and she submits it herself.
		e, a := submittedUnderFourEyes(t, "Omar Diaz")
		d := e.deps()
		d.FourEyes = true
		f := e.startWith(d)
		f.waitFor("Payroll system")
		f.press("r")
		f.waitFor("State: in review, submitted by Omar Diaz")
		f.press("S")
		f.waitFor("Reject: send it back")
		e.resubmit(a.ID, "Omar Diaz", "Dana Reyes")
		f.press("down", "enter")
		f.waitFor("┃ Comment")
		f.typeText("Not ready")
		f.waitFor("Not ready")
		f.press("enter")
		f.waitFor("Not signed: cannot reject assessment 1", "Any key goes back to the review.")
		saysInTheWorkspace(t, f.screen(), "Dana Reyes can withdraw it: S on the review, then Withdraw to draft")
		f.press("x")
		f.waitFor("State: in review")
		f.quit()
	})
	t.Run("unconfirmed vendor answers", func(t *testing.T) {
		e, a := payrollAnswered(t)
		var vendor []assess.Answer
		for _, ans := range allTypesAnswers()[:2] {
			ans.Source = assess.ByVendor
			vendor = append(vendor, ans)
		}
		if err := e.db.SaveAnswers(assess.WithActor(context.Background(), "Vendor file"), a.ID, vendor); err != nil {
			t.Fatal(err)
		}
		f := e.start()
		f.waitFor("Payroll system")
		f.press("r")
		f.waitFor("State: draft")
		f.press("S")
		f.waitFor("Submit for review")
		f.press("enter")
		f.waitFor("Accept them as given")
		f.press("n")
		f.waitFor("┃ Comment")
		f.press("enter")
		f.waitFor("Not signed: cannot submit assessment 1", "Any key goes back to the review.")
		saysInTheWorkspace(t, f.screen(), "or accept them as the vendor gave them: choose Accept them as given when the sign-off asks")
		f.press("x")
		f.waitFor("State: draft")
		f.quit()
	})
	t.Run("approved in another window", func(t *testing.T) {
		// Not following others' changes, the workspace learns of the
		// approval from the store's refusal of the next answer.
		e, a := payrollAnswered(t)
		f := e.start()
		f.waitFor("Payroll system")
		f.press("enter")
		f.waitFor("question 1 of 8")
		other := e.otherWindow()
		for _, step := range []struct {
			who string
			act assess.Action
		}{{"Ana", assess.ActSubmit}, {"Rui", assess.ActApprove}} {
			if _, err := other.db.Review(assess.WithActor(context.Background(), step.who), a.ID, step.act, testToday, ""); err != nil {
				t.Fatal(err)
			}
		}
		f.press("2")
		f.waitFor("not saved:")
		saysInTheWorkspace(t, f.screen(), "S on the review starts a revision")
		f.quit()
	})
}

// saysInTheWorkspace fails unless screen says want (its lines joined,
// as a wrapped refusal is read) and names no command line.
// resubmit withdraws assessment id as from, who submitted it, and submits
// it again as to: to becomes the submitter, as a colleague's steps would
// make them while their sign-off is open.
func (e *env) resubmit(id int64, from, to string) {
	e.t.Helper()
	if _, err := e.db.Review(assess.WithActor(context.Background(), from), id, assess.ActWithdraw, testToday, ""); err != nil {
		e.t.Fatal(err)
	}
	if _, err := e.db.Review(assess.WithActor(context.Background(), to), id, assess.ActSubmit, testToday, "mine now"); err != nil {
		e.t.Fatal(err)
	}
}

func saysInTheWorkspace(t *testing.T, screen, want string) {
	t.Helper()
	if strings.Contains(screen, "(assay ") || strings.Contains(screen, "--withdraw") || strings.Contains(screen, "--accept-unconfirmed") {
		t.Errorf("the workspace points to a command line:\n%s", screen)
	}
	if !strings.Contains(strings.Join(strings.Fields(screen), " "), want) {
		t.Errorf("the workspace does not say %q:\n%s", want, screen)
	}
}
