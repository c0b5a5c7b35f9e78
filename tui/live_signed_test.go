package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A colleague signs the assessment open here: submits it, or approves it
// (it is then locked, and the next answer typed here is refused). The
// status line changed under the person's eyes ("in review", "approved,
// locked") without a word of who did it; the line about others' changes
// names the signer and the decision, as it names who changed answers.
func TestOthersSignOffsSayWho(t *testing.T) {
	e, a := payrollAnswered(t)
	other := e.otherWindow()
	f := e.watching()
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("[Interview]")
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	if _, err := other.db.Review(ctx, a.ID, assess.ActSubmit, testToday, ""); err != nil {
		t.Fatal(err)
	}
	f.waitFor("Sam Ortiz submitted it for review")
	ctx = assess.WithActor(context.Background(), "Rui Reviewer")
	if _, err := other.db.Review(ctx, a.ID, assess.ActApprove, testToday, "fine"); err != nil {
		t.Fatal(err)
	}
	f.waitFor("Rui Reviewer approved it: it is locked")
	f.quit()
}
