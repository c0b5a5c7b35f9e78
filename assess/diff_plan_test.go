package assess_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Each field of an item that the plan or the accepted risks show, moved
// alone, is named in the changes; an item that only reads differently
// because the report date passed (overdue) is not a change.
func TestItemChangeNamesEveryField(t *testing.T) {
	change := func(was, now assess.PlanItem, shift int) string {
		return assess.PlanItemChange{Item: now, Fields: assess.CompareItem(was, now, shift)}.Text("→")
	}
	day := func(s string) assess.Date {
		d, err := assess.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	acc := &assess.Acceptance{Approver: "Dana Reyes", Reason: "Keys on order", Expires: day("2026-09-30")}
	base := assess.PlanItem{Finding: assess.Finding{Key: "mfa"}, Action: "Require MFA", Owner: "Sam", Due: day("2026-03-02"),
		DefaultDue: day("2026-03-02"), Status: assess.ItemAccepted, Acceptance: acc}
	for _, c := range []struct {
		name string
		edit func(it *assess.PlanItem)
		want string
	}{
		{"nothing", func(*assess.PlanItem) {}, ""},
		{"action", func(it *assess.PlanItem) { it.Action = "Require MFA for admins" }, "action changed"},
		{"owner cleared", func(it *assess.PlanItem) { it.Owner = "" }, "owner: Sam → unassigned"},
		{"due moved without a reason", func(it *assess.PlanItem) { it.Due = day("2026-04-01") }, "due: 2026-03-02 → 2026-04-01"},
		{"due reason only", func(it *assess.PlanItem) { it.DueReason = "Vendor asked" }, "reason for the due date changed"},
		{"acceptance renewed by another", func(it *assess.PlanItem) {
			it.Acceptance = &assess.Acceptance{Approver: "Rui Costa", Reason: "Keys on order", Expires: day("2027-03-31")}
		}, "acceptance: Dana Reyes until 2026-09-30 → Rui Costa until 2027-03-31"},
		{"acceptance reason", func(it *assess.PlanItem) {
			it.Acceptance = &assess.Acceptance{Approver: "Dana Reyes", Reason: "Keys delivered in May", Expires: day("2026-09-30")}
		}, "acceptance reason changed"},
		{"acceptance withdrawn", func(it *assess.PlanItem) { it.Status, it.Acceptance = assess.ItemInProgress, nil }, "status: risk accepted → in progress"},
		{"acceptance expired", func(it *assess.PlanItem) { it.Reopened = true }, "status: risk accepted → open (risk acceptance expired)"},
		{"milestone done", func(it *assess.PlanItem) {
			it.Milestones = []assess.Milestone{{Title: "Admins", Done: true}}
		}, "milestones changed"},
		{"two fields", func(it *assess.PlanItem) { it.Owner, it.Status, it.Acceptance = "Ops", assess.ItemDone, nil },
			"owner: Sam → Ops; status: risk accepted → done"},
	} {
		now := base
		c.edit(&now)
		if got := change(base, now, 0); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
	was := base
	was.Status, was.Acceptance = assess.ItemOpen, nil
	if got := change(was, base, 0); got != "status: open → risk accepted, by Dana Reyes until 2026-09-30" {
		t.Errorf("risk accepted: %q", got)
	}
	// A reassessment a year on (365 days later): the default due dates
	// move with it, which is no change of the item; a date someone set
	// that the new plan does not keep is one.
	lastYear, thisYear := base, base
	lastYear.Due, lastYear.DefaultDue = day("2025-03-02"), day("2025-03-02")
	if got := assess.CompareItem(lastYear, thisYear, 365); got != nil {
		t.Errorf("a default due date moved with the assessment: %+v", got)
	}
	lastYear.Due, lastYear.DueReason = day("2025-06-30"), "Vendor asked"
	if got := change(lastYear, thisYear, 365); got != "due: 2025-06-30 → 2026-03-02" {
		t.Errorf("a moved due date a year on: %q", got)
	}
}
