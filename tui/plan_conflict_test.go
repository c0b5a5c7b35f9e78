package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
)

// planOwnerRace opens the edit form of plan item pentest in the
// workspace, has another window set the item's owner meanwhile, then
// saves another owner from the form: the workspace shows who changed it,
// when, both owners, and asks; nothing of the form is saved until then.
// With nextStatus the form also steps the item's status, which nobody
// else set.
func planOwnerRace(t *testing.T, nextStatus bool) (*env, *assess.Assessment, *flow) {
	t.Helper()
	e, a := payrollAnswered(t)
	other, err := store.Open(e.dbPath, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { other.Close() })
	f := e.start()
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")
	f.press("enter")
	f.waitFor("┃ Owner")

	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	owner := "Red team"
	if _, _, err := other.ChangePlanItem(ctx, a.ID, "pentest", assess.PlanChange{Owner: &owner}, testToday); err != nil {
		t.Fatal(err)
	}

	f.typeText("Sam Lee")
	f.waitFor("> Sam Lee")
	for range 3 { // owner, due date, reason
		f.press("enter")
	}
	f.waitFor("┃ Status")
	if nextStatus {
		f.press("down")
	}
	for range 2 { // status, action
		f.press("enter")
	}
	f.waitFor("Sam Ortiz changed the owner of pentest at", `Theirs: "Red team"`, `Yours:  "Sam Lee"`, "O overwrite theirs with yours", "K keep theirs")
	if got := e.load(a.ID).PlanEdits["pentest"]; got.Owner != "Red team" || got.Status != "" {
		t.Fatalf("the refused change was saved: owner %q, status %q; want the other window's owner alone", got.Owner, got.Status)
	}
	return e, a, f
}

// K keeps the other window's owner, and saves the status stepped in the
// same form, which nobody else set.
func TestPlanConflictKeepsTheirs(t *testing.T) {
	e, a, f := planOwnerRace(t, true)
	f.press("K")
	f.waitGone("Sam Ortiz changed the owner")
	f.waitFor("saved ✓")
	f.quit()
	if got := e.load(a.ID).PlanEdits["pentest"]; got.Owner != "Red team" || got.Status != assess.ItemInProgress {
		t.Errorf("item after keeping theirs: owner %q, status %q; want Red team and in-progress", got.Owner, got.Status)
	}
}

// O replaces it, knowingly, with the owner typed.
func TestPlanConflictOverwritesKnowingly(t *testing.T) {
	e, a, f := planOwnerRace(t, false)
	f.press("O")
	f.waitGone("Sam Ortiz changed the owner")
	f.waitFor("saved ✓")
	f.quit()
	if got := e.load(a.ID).PlanEdits["pentest"]; got.Owner != "Sam Lee" {
		t.Errorf("owner after overwriting: %q, want Sam Lee", got.Owner)
	}
}
