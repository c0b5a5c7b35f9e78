package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
	"github.com/assay-dev/assay/store"
)

// Another window adds a milestone to a plan item while the workspace has
// the plan open; the workspace then sets the item's owner and steps its
// status. Both windows' changes are kept: the workspace sends what was
// changed, not the item as it read it.
func TestPlanEditKeepsAnotherWindowsChange(t *testing.T) {
	e, a := payrollAnswered(t)
	other, err := store.Open(e.dbPath, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	f := e.start()
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")

	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	if _, _, err := other.ChangePlanItem(ctx, a.ID, "pentest", assess.PlanChange{AddMilestones: []assess.Milestone{{Title: "Book the test"}}}, testToday); err != nil {
		t.Fatal(err)
	}

	f.press("enter")
	f.waitFor("┃ Owner")
	f.typeText("Sam Lee")
	f.waitFor("> Sam Lee")
	for range 5 { // owner, due date, reason, status, action
		f.press("enter")
	}
	f.waitFor("Sam Lee", "saved ✓")
	f.press("s")
	f.waitFor("in progress")
	f.waitFor("saved ✓")
	f.quit()

	got := e.load(a.ID).PlanEdits["pentest"]
	if got.Owner != "Sam Lee" || got.Status != assess.ItemInProgress || len(got.Milestones) != 1 || got.Milestones[0].Title != "Book the test" {
		t.Errorf("plan item holds owner %q, status %q, milestones %+v; want Sam Lee, in-progress and the other window's milestone",
			got.Owner, got.Status, got.Milestones)
	}
}
