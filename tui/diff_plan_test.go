package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Two assessments alike but for the plan compare as what assay diff
// says: the plan item changed, not "No changes". Worked out by hand: both
// hold the one finding pentest, open; the later one accepts its risk.
func TestComparePlanOnlyChange(t *testing.T) {
	e, _ := payrollAnswered(t)
	b := e.createFrom("all-types.yaml", "Payroll system")
	answerAllTypes(t, e, b.ID)
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	accept := assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "Test booked", Expires: testToday.AddDays(90)}}
	if _, _, err := e.db.ChangePlanItem(ctx, b.ID, "pentest", accept, testToday); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Payroll system")
	f.press("C")
	f.waitFor("Payroll system · compare #1 → #2", "1 plan item changed", "Plan items changed (1)",
		"~ pentest: status: open → risk accepted, by CISO until "+testToday.AddDays(90).String())
	f.quit()
}
