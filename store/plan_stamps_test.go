package store

import (
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// PinnedPlanStamps dates each field of each plan item by the record that
// last set it, for the OSCAL risk log: mfa's deadline moved at 09:00:01,
// its risk accepted at 09:00:02, its owner set at 09:00:03 (which is not
// the acceptance). A revision, whose first records copy the plan under
// the reviser's name at 09:00:06 or later, keeps the times of the
// assessment it revises.
func TestPinnedPlanStampsDateEachChange(t *testing.T) {
	contract(t, contractPinnedPlanStampsDateEachChange)
}

func contractPinnedPlanStampsDateEachChange(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	clock := time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return clock }
	today := day("2026-03-02")
	owner := "IT Ops"
	for i, ch := range []assess.PlanChange{
		{Due: day("2026-06-30"), DueReason: "SSO rollout"},
		{Accept: assess.Acceptance{Approver: "CISO", Reason: "public data", Expires: day("2026-09-30")}},
		{Owner: &owner},
	} {
		clock = time.Date(2026, 3, 2, 9, 0, i+1, 0, time.UTC)
		if _, _, err := db.ChangePlanItem(as("Ana"), a.ID, "mfa", ch, today); err != nil {
			t.Fatal(err)
		}
	}
	clock = time.Date(2026, 3, 2, 9, 0, 6, 0, time.UTC)
	at := func(s string) assess.FieldStamp {
		v, _ := time.Parse(time.RFC3339, s)
		return assess.FieldStamp{By: "Ana", At: v}
	}
	want := map[assess.PlanField]assess.FieldStamp{
		assess.FieldDue: at("2026-03-02T09:00:01Z"), assess.FieldStatus: at("2026-03-02T09:00:02Z"), assess.FieldOwner: at("2026-03-02T09:00:03Z"),
	}
	check := func(name string, id int64) {
		t.Helper()
		_, _, stamps, err := db.PinnedPlanStamps(as("Ana"), id)
		if err != nil {
			t.Fatal(err)
		}
		got := stamps["mfa"]
		if len(got) != len(want) {
			t.Errorf("%s: mfa's fields set %v, want %v", name, got, want)
		}
		for f, w := range want {
			if g := got[f]; g.By != w.By || !g.At.Equal(w.At) {
				t.Errorf("%s: mfa's %s set by %q at %s, want %q at %s", name, f, g.By, g.At, w.By, w.At)
			}
		}
	}
	check("the assessment", a.ID)
	mustReview(t, db, a.ID, "Ana", assess.ActSubmit)
	mustReview(t, db, a.ID, "Rui Castro", assess.ActApprove)
	rev, err := db.Revise(as("Rui Castro"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	check("its revision", rev.ID)
}
