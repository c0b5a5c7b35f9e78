package store

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// An archived assessment was set aside as started by mistake, and the
// portfolio no longer lists it: it was still submitted, approved and
// given a DPO opinion, a decision on something nobody sees. A sign-off
// on it is refused, saying to restore it first, and records nothing;
// restored, it is signed as any other.
func TestSignOffOfAnArchivedAssessmentIsRefused(t *testing.T) {
	contract(t, func(t *testing.T) {
		db, q := testDB(t)
		fixedClock(db, signingDay)
		a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
		if err := db.SetArchived(as("Ana Analyst"), a.ID, true); err != nil {
			t.Fatal(err)
		}
		_, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-02"), "Ready")
		wantCode(t, err, assess.EConflict, "cannot submit assessment 1: it is archived (set aside as started by mistake); restore it first")
		if err := db.SetArchived(as("Ana Analyst"), a.ID, false); err != nil {
			t.Fatal(err)
		}
		if _, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-02"), "Ready"); err != nil {
			t.Fatal(err)
		}
		// Archiving one in review is refused now; an older assay did it.
		archiveAsAnOlderAssay(t, db, a.ID)
		_, err = db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, day("2026-03-03"), "")
		wantCode(t, err, assess.EConflict, "cannot approve assessment 1: it is archived (set aside as started by mistake); restore it first")
		got, err := db.Assessment(as("Rui Reviewer"), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got.Status != assess.InReview || len(got.SignOffs) != 1 {
			t.Fatalf("after the refused approval: %s, %+v", got.Status, got.SignOffs)
		}
		if (assess.Decider{Name: "Rui Reviewer"}).MayTake(got, assess.ActApprove) {
			t.Error("the workspace offers to approve an archived assessment")
		}
	})
}
