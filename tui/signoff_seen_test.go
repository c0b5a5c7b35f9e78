package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The approver signs what the sign-off form showed. A colleague saving an
// answer after the form opened (here: mfa, a knock-out) makes the store
// refuse the approval, shown whole, with nothing signed; the review then
// shows the change (the refusal names who made it), and signing again approves what is now shown.
func TestSignOffRefusesWhatChangedAfterTheFormOpened(t *testing.T) {
	e, a := payrollAnswered(t)
	if _, err := e.db.Review(assess.WithActor(context.Background(), "Ana"), a.ID, assess.ActSubmit, testToday, ""); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: in review, submitted by Ana")
	f.press("S")
	f.waitFor("Approve: it is then locked")
	if err := e.db.SaveAnswers(assess.WithActor(context.Background(), "Bo"), a.ID, []assess.Answer{{QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}}}); err != nil {
		t.Fatal(err)
	}
	f.press("enter")
	f.waitFor("┃ Comment")
	f.press("enter")
	f.waitFor("Not signed: cannot approve assessment 1: its answers or plan changed after you", "Bo changed mfa", "Any key goes back to the review.")
	if got := e.load(a.ID); got.Status != assess.InReview || len(got.SignOffs) != 1 {
		t.Fatalf("after the refusal: %s with %d signatures", got.Status, len(got.SignOffs))
	}
	f.press("x")
	f.waitFor("1 answer changed since")
	f.press("S")
	f.waitFor("changed: 1 answer (mfa).")
	f.press("enter")
	f.waitFor("┃ Comment")
	f.press("enter")
	f.waitFor("approved")
	f.quit()
	if got := e.load(a.ID); got.Status != assess.Approved {
		t.Errorf("signing what was shown: %s", got.Status)
	}
}
