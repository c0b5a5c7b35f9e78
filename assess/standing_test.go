package assess_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Where an item stands, worked out by hand on 2026-06-01 for items due
// 2026-05-01 (past) or 2026-07-01: overdue is a past due date on work
// still to do, never on a done item or a risk accepted; an accepted risk
// whose acceptance expired, or that has none to show, is open again and
// overdue like any open item. A guard: the report and the OSCAL
// documents both say what this says (cmd/assay/oscal_standing_test.go).
func TestPlanItemStandingOnTheReportsDay(t *testing.T) {
	day, _ := assess.ParseDate("2026-06-01")
	past, _ := assess.ParseDate("2026-05-01")
	later, _ := assess.ParseDate("2026-07-01")
	inForce := &assess.Acceptance{Approver: "CISO", Reason: "Renewal", Expires: later}
	expired := &assess.Acceptance{Approver: "CISO", Reason: "Renewal", Expires: past}
	for _, c := range []struct {
		name     string
		it       assess.PlanItem
		state    assess.StandingState
		overdue  bool
		accepted bool
	}{
		{"open, due later", assess.PlanItem{Status: assess.ItemOpen, Due: later}, assess.StandingOpen, false, false},
		{"open, due passed", assess.PlanItem{Status: assess.ItemOpen, Due: past}, assess.StandingOpen, true, false},
		{"open, due today", assess.PlanItem{Status: assess.ItemOpen, Due: day}, assess.StandingOpen, false, false},
		{"in progress, due passed", assess.PlanItem{Status: assess.ItemInProgress, Due: past}, assess.StandingInProgress, true, false},
		{"done, due passed", assess.PlanItem{Status: assess.ItemDone, Due: past}, assess.StandingDone, false, false},
		{"accepted, due passed", assess.PlanItem{Status: assess.ItemAccepted, Due: past, Acceptance: inForce}, assess.StandingAccepted, false, true},
		{"acceptance expired", assess.PlanItem{Status: assess.ItemAccepted, Due: past, Acceptance: expired, Reopened: true}, assess.StandingReopened, true, false},
		{"accepted with no acceptance", assess.PlanItem{Status: assess.ItemAccepted, Due: later}, assess.StandingReopened, false, false},
	} {
		st := c.it.StandingOn(day)
		if st.State != c.state || st.Overdue != c.overdue || (st.Acceptance != nil) != c.accepted || st.Due != c.it.Due {
			t.Errorf("%s: %+v, want %s, overdue %v, acceptance shown %v", c.name, st, c.state, c.overdue, c.accepted)
		}
	}
	for state, words := range map[assess.StandingState]string{
		assess.StandingOpen: "open", assess.StandingInProgress: "in progress", assess.StandingDone: "done",
		assess.StandingAccepted: "risk accepted", assess.StandingReopened: "open again, its risk acceptance expired",
	} {
		if got := state.Words(); got != words {
			t.Errorf("%s in words: %q, want %q", state, got, words)
		}
	}
}
