package questionnaires_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A certificate that runs out before the severity's deadline must be
// renewed before it runs out: the plan item is due on the expiry date
// while that date is still ahead of the assessment, and says so. Each
// date below is worked out by hand from the default deadlines (high 30
// days, medium 90), the assessment on 2026-03-02 (29 days left in March,
// 30 in April, 31 in May).
func TestTPDDISOExpiryDeadlineIsNoLaterThanTheExpiry(t *testing.T) {
	q := biGet(t, "third-party-due-diligence")
	path := filepath.Join("testdata", "verdicts", "tpdd-payroll-bureau-iso-certificate-expires-in-nine-weeks.yaml")
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	on := assess.NewDate(2026, 3, 2)
	date := func(s string) assess.Date {
		d, err := assess.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	cases := []struct {
		name, expiry, today string
		edit                *assess.PlanEdit
		// severity, due, the default due and whether the plan gives the
		// expiry as the reason, all by hand
		sev, due, defaultDue string
		byExpiry, overdue    bool
	}{
		{name: "nine weeks ahead: medium would be 2026-05-31, the certificate lapses first",
			expiry: "2026-05-04", today: "2026-03-02", sev: "medium", due: "2026-05-04", defaultDue: "2026-05-04", byExpiry: true},
		{name: "expires on the assessment date: still valid that day, so due that day",
			expiry: "2026-03-02", today: "2026-03-02", sev: "medium", due: "2026-03-02", defaultDue: "2026-03-02", byExpiry: true},
		{name: "expired the day before the assessment: high, 30 days, 2026-04-01; no lapse to beat",
			expiry: "2026-03-01", today: "2026-03-02", sev: "high", due: "2026-04-01", defaultDue: "2026-04-01"},
		{name: "expires on the medium deadline itself: the severity's date stands",
			expiry: "2026-05-31", today: "2026-03-02", sev: "medium", due: "2026-05-31", defaultDue: "2026-05-31"},
		{name: "the expiry has passed since the assessment: due on it, and overdue today",
			expiry: "2026-04-01", today: "2026-04-15", sev: "medium", due: "2026-04-01", defaultDue: "2026-04-01", byExpiry: true, overdue: true},
		{name: "a deadline the owner set by hand wins over the expiry",
			expiry: "2026-05-04", today: "2026-03-02",
			edit: &assess.PlanEdit{Key: "iso-expiry", Due: date("2026-05-20"), DueReason: "recertification audit booked for 2026-05-18"},
			sev:  "medium", due: "2026-05-20", defaultDue: "2026-05-04", byExpiry: true},
	}
	for _, c := range cases {
		answers := answersFile(t, path, src, q)
		a := answers["iso-expiry"]
		a.Value = assess.Value{Date: date(c.expiry)}
		answers["iso-expiry"] = a
		res := assess.Score(q, answers, on)
		edits := map[string]assess.PlanEdit{}
		if c.edit != nil {
			edits[c.edit.Key] = *c.edit
		}
		plan := assess.BuildPlan(res.Findings, edits, assess.DefaultDeadlines(), on, date(c.today))
		if len(plan) != 1 || plan[0].Key() != "iso-expiry" {
			t.Fatalf("%s: plan %v, want the one iso-expiry item", c.name, plan)
		}
		it := plan[0]
		if it.Finding.Severity.String() != c.sev || it.Due.String() != c.due || it.DefaultDue.String() != c.defaultDue || it.Overdue(date(c.today)) != c.overdue {
			t.Errorf("%s: %s due %s (default %s, overdue %v), want %s due %s (default %s, overdue %v)", c.name,
				it.Finding.Severity, it.Due, it.DefaultDue, it.Overdue(date(c.today)), c.sev, c.due, c.defaultDue, c.overdue)
		}
		why := it.DefaultDueWhy()
		if says := strings.Contains(why, "the certificate's expiry"); says != c.byExpiry {
			t.Errorf("%s: why this deadline %q; naming the certificate's expiry %v, want %v", c.name, why, says, c.byExpiry)
		}
	}
}
