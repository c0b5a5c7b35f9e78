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

// A due date set by what lapses (a certificate's expiry before the
// severity's deadline) does not move with the assessment's date: it moves
// when the expiry does, and whoever compares the plans must read that and
// why. Dates by hand: medium is 90 days; from 2026-03-02 that is
// 2026-05-31 (29 days left in March, 30 in April, 31 in May), and a year
// on (365 days, February 2027 has 28) from 2027-03-02, 2027-05-31.
func TestLapseSetDueDatesAreComparedAsChanges(t *testing.T) {
	lastYearOn, thisYearOn := diffDay("2026-03-02"), diffDay("2027-03-02")
	const lapse = "the certificate's expiry"
	item := func(on assess.Date, expiry string) assess.PlanItem {
		it := assess.PlanItem{Finding: assess.Finding{Key: "iso-expiry", Severity: assess.Medium, Lapse: lapse, LapsesOn: diffDay(expiry)},
			Action: "Obtain the renewed certificate", Status: assess.ItemOpen, SeverityDays: 90, SeverityDue: on.AddDays(90)}
		it.DefaultDue = it.SeverityDue
		if it.Finding.LapsesBefore(it.SeverityDue, on) {
			it.DefaultDue, it.DueOnLapse = it.Finding.LapsesOn, true
		}
		it.Due = it.DefaultDue
		return it
	}
	lastYear := item(lastYearOn, "2026-05-04")
	if lastYear.Due != diffDay("2026-05-04") || !lastYear.DueOnLapse || item(thisYearOn, "2027-04-20").SeverityDue != diffDay("2027-05-31") {
		t.Fatalf("the items are not as worked out by hand: %+v", lastYear)
	}
	for _, c := range []struct {
		name, expiry string
		want         string
		shifted      bool
	}{
		{"a new certificate expiring earlier in the year", "2027-04-20",
			"due: 2026-05-04 → 2027-04-20 (the certificate's expiry, before the medium severity's deadline of 90 days (2027-05-31))", false},
		{"a new certificate expiring on the same day a year on", "2027-05-04",
			"due: 2026-05-04 → 2027-05-04 (the certificate's expiry, before the medium severity's deadline of 90 days (2027-05-31))", false},
		{"a certificate valid past the deadline: the severity's date again", "2027-09-30",
			"due: 2026-05-04 → 2027-05-31 (the medium severity's deadline of 90 days, no longer the certificate's expiry)", false},
	} {
		thisYear := item(thisYearOn, c.expiry)
		got := compareOneItem(t, lastYearOn, thisYearOn, lastYear, thisYear)
		if text := changeText(got); text != c.want || got.DueShifted != c.shifted {
			t.Errorf("%s: %q, due shifted %v; want %q, due shifted %v", c.name, text, got.DueShifted, c.want, c.shifted)
		}
	}
	// From the severity's deadline to an expiry before it.
	got := compareOneItem(t, lastYearOn, thisYearOn, item(lastYearOn, "2026-09-30"), item(thisYearOn, "2027-04-20"))
	if text, want := changeText(got), "due: 2026-05-31 → 2027-04-20 (the certificate's expiry, before the medium severity's deadline of 90 days (2027-05-31))"; text != want || got.DueShifted {
		t.Errorf("severity to expiry: %q, due shifted %v; want %q, not shifted", text, got.DueShifted, want)
	}
	// Reassessed a week on with the same certificate: the same day, no change.
	weekOn := lastYearOn.AddDays(7)
	if got := compareOneItem(t, lastYearOn, weekOn, lastYear, item(weekOn, "2026-05-04")); len(got.Plan) != 0 || got.DueShifted {
		t.Errorf("same expiry a week on: %+v, due shifted %v; want no change", got.Plan, got.DueShifted)
	}
	// Both on the severity's deadline a year on: moved with the date, told
	// once by the note, not as a change.
	if got := compareOneItem(t, lastYearOn, thisYearOn, item(lastYearOn, "2026-09-30"), item(thisYearOn, "2027-09-30")); len(got.Plan) != 0 || !got.DueShifted {
		t.Errorf("severity's deadline a year on: %+v, due shifted %v; want no change, shifted", got.Plan, got.DueShifted)
	}
}

// compareOneItem compares two assessments whose only finding is the one
// of the items given.
func compareOneItem(t *testing.T, fromOn, toOn assess.Date, was, now assess.PlanItem) *assess.Diff {
	t.Helper()
	eval := func(id int64, on assess.Date, it assess.PlanItem) *assess.Evaluation {
		return &assess.Evaluation{Assessment: &assess.Assessment{ID: id, Questionnaire: &assess.Questionnaire{}, AssessedOn: on},
			Result: &assess.Result{Findings: []assess.Finding{it.Finding}}, Plan: []assess.PlanItem{it}, Today: on}
	}
	return assess.Compare(eval(1, fromOn, was), eval(2, toOn, now))
}

// changeText is the one plan change of a comparison, or "" when none.
func changeText(d *assess.Diff) string {
	if len(d.Plan) != 1 {
		return ""
	}
	return d.Plan[0].Text("→")
}
