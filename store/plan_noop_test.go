package store

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A plan change that changes nothing (clearing the milestones of an item
// that has none, setting the owner it has) writes nothing: no edit, no
// audit record, no new change time. Clearing none wrote an empty edit and
// a record saying the item was changed.
func TestAPlanChangeThatChangesNothingWritesNothing(t *testing.T) {
	contract(t, func(t *testing.T) {
		db, q := testDB(t)
		a := newAssessment(t, db, q, "Acme", assess.NewDate(2026, 3, 1), completeAnswers())
		before := eventCount(t, db, a.ID)
		_, changed, err := db.ChangePlanItem(as("Ana Analyst"), a.ID, "mfa", assess.PlanChange{ClearMilestones: true}, assess.NewDate(2026, 3, 2))
		if err != nil {
			t.Fatal(err)
		}
		if changed {
			t.Error("a change that wrote nothing is reported as a change")
		}
		if after := eventCount(t, db, a.ID); after != before || before == 0 {
			t.Errorf("clearing the milestones of an item with none wrote %d audit records", after-before)
		}
		got, err := db.Assessment(as("Ana Analyst"), a.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := got.PlanEdits["mfa"]; ok {
			t.Errorf("an empty edit was stored: %+v", got.PlanEdits["mfa"])
		}
		// The owner set is a change; the same owner again is not.
		owner := "IT Ops"
		for i, want := range []bool{true, false} {
			_, changed, err := db.ChangePlanItem(as("Ana Analyst"), a.ID, "mfa", assess.PlanChange{Owner: &owner}, assess.NewDate(2026, 3, 2))
			if err != nil {
				t.Fatal(err)
			}
			if changed != want {
				t.Errorf("setting the owner, time %d: changed = %v", i+1, changed)
			}
		}
	})
}

func eventCount(t *testing.T, db *DB, id int64) int {
	t.Helper()
	var n int
	if err := db.sql.QueryRow(`SELECT COUNT(*) FROM events WHERE assessment_id = ?`, id).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
