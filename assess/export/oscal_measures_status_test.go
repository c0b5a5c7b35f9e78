package export

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A register risk rated acceptable after its measures has no plan item of
// its own; its OSCAL status follows the plan items that carry its
// measures out. OSCAL's risk statuses (assessment-common's risk-status)
// are: open, "the risk has been identified"; remediating, "remediation
// activities are underway, but are not yet complete"; deviation-approved,
// a deviation "has been approved"; closed, "the risk has been resolved".
// The risk was remediating while any of its items was merely open, work
// nobody has started, where the item's own risk in the same document says
// open: a reader took the register risk for further along than the work
// that carries it. Worked out by hand, on 2026-06-01, with items due
// 2026-07-01 unless said:
//
//   - one item open, nobody started: open;
//   - one accepted risk whose acceptance expired 2026-05-01, open again:
//     open;
//   - one open item overdue (due 2026-05-01): open, overdue or not;
//   - one in progress, one open: remediating (work under way);
//   - one done, one open: remediating (under way, not complete);
//   - both done: closed;
//   - one done, one an accepted risk in force: open, as a guard. The
//     measures its rating after measures relies on are not all carried
//     out, and nobody accepted this risk (the acceptance is of the other
//     item's own risk, which says deviation-approved), so it is not
//     closed, nor a deviation approved of it; nothing is under way;
//   - one done, one no longer in the plan (its question no longer a
//     finding): open, as a guard: the plan no longer tracks that measure,
//     so assay cannot say it was carried out;
//   - measures with no plan item: open, as a guard.
func TestRegisterRiskStatusFollowsItsMeasuresPlanItems(t *testing.T) {
	day := exportDay(t, "2026-06-01")
	due := exportDay(t, "2026-07-01")
	past := exportDay(t, "2026-05-01")
	item := func(key string, status assess.ItemStatus) assess.PlanItem {
		return assess.PlanItem{Finding: assess.Finding{Key: key, QuestionID: key, Severity: assess.High}, Action: "Fix " + key,
			Due: due, DefaultDue: due, Status: status}
	}
	accepted := func(key string, expires assess.Date) assess.PlanItem {
		it := item(key, assess.ItemAccepted)
		it.Acceptance = &assess.Acceptance{Approver: "CISO", Reason: "Renewal", Expires: expires}
		it.Reopened = expires.Before(day)
		return it
	}
	overdue := item("b", assess.ItemOpen)
	overdue.Due = past
	for _, c := range []struct {
		name  string
		plan  []assess.PlanItem
		items []string
		want  string
	}{
		{"open, nobody started", []assess.PlanItem{item("a", assess.ItemOpen)}, []string{"a"}, "open"},
		{"open again, its acceptance expired", []assess.PlanItem{accepted("a", past)}, []string{"a"}, "open"},
		{"open and overdue", []assess.PlanItem{overdue}, []string{"b"}, "open"},
		{"in progress and open", []assess.PlanItem{item("a", assess.ItemInProgress), item("b", assess.ItemOpen)}, []string{"a", "b"}, "remediating"},
		{"done and open", []assess.PlanItem{item("a", assess.ItemDone), item("b", assess.ItemOpen)}, []string{"a", "b"}, "remediating"},
		{"all done", []assess.PlanItem{item("a", assess.ItemDone), item("b", assess.ItemDone)}, []string{"a", "b"}, "closed"},
		{"done and accepted", []assess.PlanItem{item("a", assess.ItemDone), accepted("b", due)}, []string{"a", "b"}, "open"},
		{"done and no longer in the plan", []assess.PlanItem{item("a", assess.ItemDone)}, []string{"a", "gone"}, "open"},
		{"measures with no plan item", []assess.PlanItem{item("a", assess.ItemDone)}, nil, "open"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rr := assess.RiskResult{QuestionID: "harm", Title: "Harm", Measures: "Guard rails", PlanItems: c.items, Acceptable: true}
			ev := &assess.Evaluation{
				Assessment: &assess.Assessment{UUID: "8d1c0a4e-2f4b-4c3e-9a55-0d6f2b7c1e90", Subject: "Acme", AssessedOn: day,
					Questionnaire: &assess.Questionnaire{ID: "q", Title: "Q", Version: "1"}},
				Result: &assess.Result{Risks: []assess.RiskResult{rr}},
				Plan:   c.plan,
				Today:  day,
			}
			if got := newOSCALWriter(ev, day, nil, nil).measuresStatus(rr); got != c.want {
				t.Errorf("status %q, want %q", got, c.want)
			}
		})
	}
}

func exportDay(t *testing.T, s string) assess.Date {
	t.Helper()
	d, err := assess.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}
