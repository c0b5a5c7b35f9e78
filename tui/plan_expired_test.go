package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The edit form of an item whose risk acceptance has expired offers
// risk-accepted (its recorded status) but refuses it on the field,
// saying how to accept the risk again: the store refuses an acceptance
// already expired, and that refusal, after the form closed, lost the
// owner typed with it.
func TestPlanEditRefusesAnExpiredAcceptanceOnTheField(t *testing.T) {
	e, a := payrollAnswered(t)
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	accept := assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "Test booked", Expires: testToday.AddDays(-10)}}
	if _, _, err := e.db.ChangePlanItem(ctx, a.ID, "pentest", accept, testToday.AddDays(-60)); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "open (expired)")
	f.press("enter")
	f.waitFor("┃ Owner")
	f.typeText("Sam Lee")
	f.press("enter")
	f.waitFor("┃ Due date")
	f.press("enter")
	f.waitFor("┃ Why the due date moved")
	f.press("enter")
	f.waitFor("┃ Status")
	f.press("down", "down", "down")
	f.waitFor("> risk-accepted")
	f.press("enter")
	f.waitFor("the acceptance expired on 2026-03-21: a accepts the risk again")
	f.waitFor("┃ Status")
	f.press("up", "up", "up")
	f.waitFor("> open")
	f.press("enter")
	f.waitFor("┃ Action")
	f.press("enter")
	f.waitFor("saved ✓")
	f.quit()

	if got := e.load(a.ID).PlanEdits["pentest"]; got.Owner != "Sam Lee" {
		t.Errorf("pentest's owner is %q; want Sam Lee", got.Owner)
	}
}
