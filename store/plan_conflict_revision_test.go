package store

import (
	"errors"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A revision carries the approved assessment's plan, copied under the
// name of whoever started it. The copy is not a person setting the
// fields: Ana, who set the owner on the approved assessment, changes it on
// the revision without being told that Rui set it, and Bo is told that
// Ana did, as on the assessment revised.
func TestPlanConflictsInARevisionNameWhoSetTheField(t *testing.T) {
	contract(t, contractPlanConflictsInARevisionNameWhoSetTheField)
}

func contractPlanConflictsInARevisionNameWhoSetTheField(t *testing.T) {
	db, q := testDB(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), completeAnswers())
	today := day("2026-03-02")
	owner := func(who, name string) error {
		_, _, err := db.ChangePlanItem(as(who), a.ID, "mfa", assess.PlanChange{Owner: &name, OwnOnly: true}, today)
		return err
	}
	if err := owner("Ana", "IT Ops"); err != nil {
		t.Fatal(err)
	}
	mustReview(t, db, a.ID, "Ana", assess.ActSubmit)
	mustReview(t, db, a.ID, "Rui Castro", assess.ActApprove)
	rev, err := db.Revise(as("Rui Castro"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	change := func(who, name string) error {
		_, _, err := db.ChangePlanItem(as(who), rev.ID, "mfa", assess.PlanChange{Owner: &name, OwnOnly: true}, today)
		return err
	}
	err = change("Bo", "Procurement")
	var conflict *assess.ConflictError
	if !errors.As(err, &conflict) || len(conflict.Fields) != 1 || conflict.Fields[0].By != "Ana" {
		t.Fatalf("Bo replacing the owner Ana set, in the revision: want a conflict naming Ana, got %v", err)
	}
	if err := change("Ana", "Security team"); err != nil {
		t.Fatalf("Ana changing the owner she set, in the revision: %v", err)
	}
	if got := planEdit(t, db, rev.ID); got.Owner != "Security team" {
		t.Errorf("the revision's owner is %q, want Ana's", got.Owner)
	}
}
