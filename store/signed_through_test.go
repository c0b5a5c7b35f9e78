package store

import (
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// SignedThrough is, for each signed assessment, the day of the latest
// sign-off its plan and report show (assess.ShownSignOff), which judges
// it while the day asked for is before it: assay overdue reads it for the
// whole portfolio instead of loading every assessment. Worked out by hand:
//
//	approved   submitted 03-05, approved 03-09             -> 2026-03-09
//	revision   of approved, not yet signed itself          -> 2026-03-09 (the approval it shows)
//	           then submitted 03-20                        -> 2026-03-20
//	withdrawn  submitted 03-03, withdrawn 03-04 (a draft)  -> 2026-03-04
//	dpo        a draft with a DPO opinion of 03-12         -> 2026-03-12 (the row's updated_at is not touched)
//	unsigned                                               -> not listed
func TestSignedThroughIsTheDayOfTheLatestSignOffShown(t *testing.T) {
	contract(t, contractSignedThroughIsTheDayOfTheLatestSignOffShown)
}

func contractSignedThroughIsTheDayOfTheLatestSignOffShown(t *testing.T) {
	db, q := testDB(t)
	db.Now = func() time.Time { return time.Date(2026, 4, 10, 12, 0, 0, 0, time.UTC) }
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	dpia, ok := lib.Get("dpia")
	if !ok {
		t.Fatal("no built-in dpia")
	}
	review := func(who string, id int64, act assess.Action, on, comment string) {
		t.Helper()
		if _, err := db.Review(as(who), id, act, day(on), comment); err != nil {
			t.Fatalf("%s %d on %s: %v", act, id, on, err)
		}
	}
	approved := newAssessment(t, db, q, "Approved Ltd", day("2026-03-01"), completeAnswers())
	review("Ana Analyst", approved.ID, assess.ActSubmit, "2026-03-05", "")
	review("Rui Reviewer", approved.ID, assess.ActApprove, "2026-03-09", "")
	revision, err := db.Revise(as("Ana Analyst"), approved.ID)
	if err != nil {
		t.Fatal(err)
	}
	withdrawn := newAssessment(t, db, q, "Withdrawn Ltd", day("2026-03-01"), completeAnswers())
	review("Ana Analyst", withdrawn.ID, assess.ActSubmit, "2026-03-03", "")
	review("Ana Analyst", withdrawn.ID, assess.ActWithdraw, "2026-03-04", "Answers to check")
	dpo := newAssessment(t, db, dpia, "Loyalty analytics", day("2026-03-01"), nil)
	if _, err := db.RecordDPOOpinion(as("Dee Pio"), dpo.ID, day("2026-03-12"), assess.DPOFavourable, ""); err != nil {
		t.Fatal(err)
	}
	unsigned := newAssessment(t, db, q, "Unsigned Ltd", day("2026-03-01"), completeAnswers())

	check := func(want map[int64]string) {
		t.Helper()
		got, err := db.SignedThrough(as("x"))
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range []int64{approved.ID, revision.ID, withdrawn.ID, dpo.ID, unsigned.ID} {
			on, listed := got[id]
			if w := want[id]; on.String() != w && !(w == "" && !listed) {
				t.Errorf("assessment %d: signed through %v (listed %v), want %q", id, on, listed, w)
			}
			// The same day as the loaded assessment's report shows.
			a, err := db.Assessment(as("x"), id)
			if err != nil {
				t.Fatal(err)
			}
			if so, ok := a.ShownSignOff(); ok != listed || (ok && so.On != on) {
				t.Errorf("assessment %d: signed through %v (listed %v), but its report shows %+v (%v)", id, on, listed, so, ok)
			}
		}
	}
	check(map[int64]string{approved.ID: "2026-03-09", revision.ID: "2026-03-09", withdrawn.ID: "2026-03-04", dpo.ID: "2026-03-12"})
	if err := db.SaveAnswers(as("Ana Analyst"), revision.ID, completeAnswers()[:1]); err != nil {
		t.Fatal(err)
	}
	review("Ana Analyst", revision.ID, assess.ActSubmit, "2026-03-20", "")
	check(map[int64]string{approved.ID: "2026-03-09", revision.ID: "2026-03-20", withdrawn.ID: "2026-03-04", dpo.ID: "2026-03-12"})
}
