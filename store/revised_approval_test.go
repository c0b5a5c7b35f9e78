package store

import (
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// A revision is read with the approval of the assessment it revises,
// which its report names and is dated no earlier than (assess.JudgedOn):
// the CLI and the workspace each read that approval on their own, and the
// report's date and --as-of did not count it. Both stores read it with
// the revision, on every read (Assessment, the pinned read reports are
// made from, the revision Revise returns); an original has none.
func TestRevisionIsReadWithTheApprovalItRevises(t *testing.T) {
	contract(t, contractRevisionIsReadWithTheApprovalItRevises)
}

func contractRevisionIsReadWithTheApprovalItRevises(t *testing.T) {
	db, q := testDB(t)
	fixedClock(db, time.Date(2026, 3, 20, 12, 0, 0, 0, time.Local))
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	if _, err := db.Review(as("Ana Analyst"), a.ID, assess.ActSubmit, day("2026-03-02"), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Review(as("Rui Reviewer"), a.ID, assess.ActApprove, day("2026-03-10"), "Agreed"); err != nil {
		t.Fatal(err)
	}
	rev, err := db.Revise(as("Ana Analyst"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	read, err := db.Assessment(as("x"), rev.ID)
	if err != nil {
		t.Fatal(err)
	}
	pinned, _, _, err := db.PinnedPlanStamps(as("x"), rev.ID)
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string]*assess.Assessment{"Revise": rev, "Assessment": read, "PinnedPlanStamps": pinned} {
		ap := got.RevisedApproval
		if ap == nil || ap.Name != "Rui Reviewer" || ap.On != day("2026-03-10") || ap.Decision != "approved" {
			t.Errorf("%s: the revision is read with revised approval %+v, want Rui Reviewer's of 2026-03-10", name, ap)
			continue
		}
		if judged := got.JudgedOn(day("2026-03-05")); judged != day("2026-03-10") {
			t.Errorf("%s: the revision asked for 2026-03-05 is judged on %s, want the approval it revises, 2026-03-10", name, judged)
		}
	}
	orig, err := db.Assessment(as("x"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if orig.RevisedApproval != nil {
		t.Errorf("the original is read with a revised approval: %+v", orig.RevisedApproval)
	}
}
