package store

import (
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// AcceptedPlansRecordedSince is, for each assessment whose plan holds an
// accepted risk, the latest of its plan records at or after a time, its
// own or of the assessment it revises: assay overdue and list read the
// acceptances of only the assessments it names. Worked out by hand,
// since 2026-04-11T00:00Z, each with mfa a finding:
//
//	approved    mfa accepted 04-10 12:00, its owner set 04-12 09:00:00.5, approved -> 04-12 09:00:00.5
//	revision    of approved, started 04-13 08:00 (its copies recorded then)       -> 04-13 08:00
//	early       mfa accepted 04-10 12:00 only                                      -> not listed
//	unaccepted  mfa's owner set 04-12 10:00, nothing accepted                      -> not listed
//
// Then early's owner is set at 04-11T00:00:00.25Z, a fraction of a second
// after since, in the very second it names: listed at that time.
func TestAcceptedPlansRecordedSinceIsTheLatestPlanRecordAfterATime(t *testing.T) {
	contract(t, contractAcceptedPlansRecordedSinceIsTheLatestPlanRecordAfterATime)
}

func contractAcceptedPlansRecordedSinceIsTheLatestPlanRecordAfterATime(t *testing.T) {
	db, q := testDB(t)
	at := func(s string) time.Time {
		t.Helper()
		tm, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return tm
	}
	clockAt := func(s string) { tm := at(s); db.Now = func() time.Time { return tm } }
	change := func(id int64, ch assess.PlanChange) {
		t.Helper()
		if _, _, err := db.ChangePlanItem(as("Ana Analyst"), id, "mfa", ch, day("2026-03-02")); err != nil {
			t.Fatal(err)
		}
	}
	owner := func(id int64, name string) { t.Helper(); change(id, assess.PlanChange{Owner: &name}) }
	accept := assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "Keys on order", Expires: day("2026-12-31")}}
	clockAt("2026-04-10T12:00:00Z")
	approved := newAssessment(t, db, q, "Approved Ltd", day("2026-03-01"), completeAnswers())
	early := newAssessment(t, db, q, "Early Ltd", day("2026-03-01"), completeAnswers())
	unaccepted := newAssessment(t, db, q, "Unaccepted Ltd", day("2026-03-01"), completeAnswers())
	change(approved.ID, accept)
	change(early.ID, accept)
	clockAt("2026-04-12T09:00:00.5Z")
	owner(approved.ID, "Security")
	// Signed on the day of the last record: a step signs the acceptance
	// recorded on 04-10, so it is not dated before it.
	if _, err := db.Review(as("Ana Analyst"), approved.ID, assess.ActSubmit, day("2026-04-12"), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Review(as("Rui Reviewer"), approved.ID, assess.ActApprove, day("2026-04-12"), ""); err != nil {
		t.Fatal(err)
	}
	clockAt("2026-04-12T10:00:00Z")
	owner(unaccepted.ID, "IT Ops")
	clockAt("2026-04-13T08:00:00Z")
	revision, err := db.Revise(as("Ana Analyst"), approved.ID)
	if err != nil {
		t.Fatal(err)
	}

	since := at("2026-04-11T00:00:00Z")
	got, err := db.AcceptedPlansRecordedSince(as("x"), since)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int64]time.Time{approved.ID: at("2026-04-12T09:00:00.5Z"), revision.ID: at("2026-04-13T08:00:00Z")}
	for _, id := range []int64{approved.ID, revision.ID, early.ID, unaccepted.ID} {
		w, ok := want[id]
		if g, listed := got[id]; listed != ok || !g.Equal(w) {
			t.Errorf("assessment %d: latest plan record since 04-11 %v (listed %v), want %v (listed %v)", id, g, listed, w, ok)
		}
	}

	clockAt("2026-04-11T00:00:00.25Z")
	owner(early.ID, "Procurement")
	if got, err = db.AcceptedPlansRecordedSince(as("x"), since); err != nil {
		t.Fatal(err)
	}
	if w := at("2026-04-11T00:00:00.25Z"); !got[early.ID].Equal(w) {
		t.Errorf("a plan record a fraction of a second after since: %v, want %v", got[early.ID], w)
	}
}
