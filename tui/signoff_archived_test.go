package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// An archived assessment (set aside as started by mistake) opened from
// the archived list offered Approve, which the store now refuses: S says
// there is nothing to sign until it is restored, and the review's line
// does not offer it.
func TestSignOffOfAnArchivedAssessmentSaysRestoreIt(t *testing.T) {
	// Archived as a draft: one in review is no longer archived.
	e, a := payrollAnswered(t)
	if err := e.db.SetArchived(context.Background(), a.ID, true); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.press("A")
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: draft")
	saysInTheWorkspace(t, f.screen(), "archived: restore it to sign it")
	f.press("S")
	f.waitFor("nothing to sign")
	saysInTheWorkspace(t, f.screen(), "nothing to sign: #1 is archived (set aside as started by mistake); restore it first")
	f.quit()
	if got := e.load(a.ID); got.Status != assess.Draft || len(got.SignOffs) != 0 {
		t.Errorf("state %s, signatures %+v", got.Status, got.SignOffs)
	}
}
