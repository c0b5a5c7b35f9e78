package assess_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

func day(t *testing.T, s string) assess.Date {
	t.Helper()
	d, err := assess.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func findings(sevs ...assess.Severity) []assess.Finding {
	var out []assess.Finding
	for i, s := range sevs {
		key := string(rune('a' + i))
		out = append(out, assess.Finding{Key: key, QuestionID: key, Severity: s, Action: "fix " + key})
	}
	return out
}

func itemByKey(t *testing.T, plan []assess.PlanItem, key string) assess.PlanItem {
	t.Helper()
	for _, it := range plan {
		if it.Key() == key {
			return it
		}
	}
	t.Fatalf("no item %s", key)
	return assess.PlanItem{}
}

// Due dates worked by hand from the calendar, month ends included.
func TestDueDatesByHand(t *testing.T) {
	cases := []struct {
		assessed string
		sev      assess.Severity
		want     string
		working  string
	}{
		// 2026 is not a leap year: Jan 31 + 28 days = Feb 28, + 2 = Mar 2.
		{"2026-01-31", assess.High, "2026-03-02", "30 days: Feb has 28"},
		// + 15: Jan 31 + 15 = Feb 15.
		{"2026-01-31", assess.Critical, "2026-02-15", "15 days"},
		// 90: Feb 28 (28), Mar 31 (59), Apr 30 (89), May 1 (90).
		{"2026-01-31", assess.Medium, "2026-05-01", "90 days"},
		// 180: Feb 28 (28), Mar 31 (59), Apr 30 (89), May 31 (120),
		// Jun 30 (150), Jul 31 (181), so day 180 is Jul 30.
		{"2026-01-31", assess.Low, "2026-07-30", "180 days"},
		// 2028 is a leap year: Jan 31 + 29 = Feb 29, + 1 = Mar 1.
		{"2028-01-31", assess.High, "2028-03-01", "30 days, leap year"},
		// Across the year end: Dec 31 + 15 = Jan 15.
		{"2026-12-31", assess.Critical, "2027-01-15", "year end"},
		// Month end to month end is not a month: Apr 30 + 30 = May 30.
		{"2026-04-30", assess.High, "2026-05-30", "30-day month"},
	}
	for _, c := range cases {
		plan := assess.BuildPlan(findings(c.sev), nil, assess.DefaultDeadlines(), day(t, c.assessed), day(t, c.assessed))
		if got := plan[0].Due.String(); got != c.want {
			t.Errorf("%s + %s (%s): due %s, want %s", c.assessed, c.sev, c.working, got, c.want)
		}
	}
}

// The policy layers: defaults, then the config file, then the
// questionnaire, then the config file's setting for the questionnaire.
func TestResolveDeadlines(t *testing.T) {
	config := assess.Deadlines{assess.High: 20, assess.Medium: 60}
	questionnaire := assess.Deadlines{assess.Medium: 45, assess.Low: 120}
	perQuestionnaire := assess.Deadlines{assess.Low: 100}
	got := assess.ResolveDeadlines(config, questionnaire, perQuestionnaire)
	want := assess.Deadlines{assess.Critical: 15, assess.High: 20, assess.Medium: 45, assess.Low: 100}
	for s, d := range want {
		if got[s] != d {
			t.Errorf("%s: %d days, want %d", s, got[s], d)
		}
	}
	if _, err := assess.ParseDeadlines(map[string]int{"urgent": 3}); err == nil {
		t.Error("an unknown severity was accepted")
	}
	if _, err := assess.ParseDeadlines(map[string]int{"high": 0}); err == nil {
		t.Error("a deadline of 0 days was accepted")
	}
	d, err := assess.ParseDeadlines(map[string]int{"Critical": 7})
	if err != nil || d[assess.Critical] != 7 {
		t.Errorf("ParseDeadlines(Critical: 7) = %v, %v", d, err)
	}
}

// A moved due date keeps its reason and the date the policy gave; the
// plan is sorted by the moved date.
func TestMovedDueDate(t *testing.T) {
	assessed := day(t, "2026-01-31")
	fs := findings(assess.Critical, assess.High)
	it := assess.BuildPlan(fs, nil, assess.DefaultDeadlines(), assessed, assessed)
	a := itemByKey(t, it, "a") // critical: due 2026-02-15
	if _, err := assess.ApplyPlanChange(a, assess.PlanEdit{}, assess.PlanChange{Due: day(t, "2026-04-01")}, assessed); err == nil ||
		!strings.Contains(err.Error(), "needs a reason") {
		t.Fatalf("moving a due date without a reason: %v", err)
	}
	e, err := assess.ApplyPlanChange(a, assess.PlanEdit{}, assess.PlanChange{Due: day(t, "2026-04-01"), DueReason: " Vendor patch in March "}, assessed)
	if err != nil {
		t.Fatal(err)
	}
	// Moved again, the refusal names the date it has now, not the policy's.
	moved := itemByKey(t, assess.BuildPlan(fs, map[string]assess.PlanEdit{"a": e}, assess.DefaultDeadlines(), assessed, assessed), "a")
	_, err = assess.ApplyPlanChange(moved, e, assess.PlanChange{Due: day(t, "2026-05-01")}, assessed)
	if want := "moving a's due date from 2026-04-01 to 2026-05-01 needs a reason (the policy's date is 2026-02-15)"; err == nil || err.Error() != want {
		t.Errorf("moving a moved date again without a reason: %v, want %q", err, want)
	}
	plan := assess.BuildPlan(fs, map[string]assess.PlanEdit{"a": e}, assess.DefaultDeadlines(), assessed, assessed)
	// b (high) is due 2026-03-02, before a's moved 2026-04-01: it comes first.
	if plan[0].Key() != "b" || plan[1].Key() != "a" {
		t.Errorf("plan order %s, %s; want b, a", plan[0].Key(), plan[1].Key())
	}
	got := itemByKey(t, plan, "a")
	if got.Due.String() != "2026-04-01" || got.DefaultDue.String() != "2026-02-15" || got.DueReason != "Vendor patch in March" {
		t.Errorf("moved item: due %s default %s reason %q", got.Due, got.DefaultDue, got.DueReason)
	}
	// Moving it back to the policy's date drops the reason.
	back, err := assess.ApplyPlanChange(got, e, assess.PlanChange{ResetDue: true}, assessed)
	if err != nil || !back.Due.IsZero() || back.DueReason != "" {
		t.Errorf("reset: %+v, %v", back, err)
	}
	// A reason alone changes the reason of a moved date, but not of an unmoved one.
	if _, err := assess.ApplyPlanChange(itemByKey(t, plan, "b"), assess.PlanEdit{}, assess.PlanChange{DueReason: "why"}, assessed); err == nil {
		t.Error("a reason without a moved date was accepted")
	}
}

// An accepted risk needs approver, reason and expiry; it closes the item
// until the expiry day, and reopens it (overdue, if past due) the day after.
func TestAcceptedRiskExpires(t *testing.T) {
	assessed := day(t, "2026-01-31")
	fs := findings(assess.High) // due 2026-03-02
	plan := assess.BuildPlan(fs, nil, assess.DefaultDeadlines(), assessed, assessed)
	_, err := assess.ApplyPlanChange(plan[0], assess.PlanEdit{}, assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "compensating control"}}, assessed)
	if err == nil || !strings.Contains(err.Error(), "expiry date") {
		t.Fatalf("acceptance without expiry: %v", err)
	}
	_, err = assess.ApplyPlanChange(plan[0], assess.PlanEdit{}, assess.PlanChange{Status: assess.ItemAccepted}, assessed)
	if err == nil || !strings.Contains(err.Error(), "approver, reason, expiry date") {
		t.Fatalf("status risk-accepted with no acceptance: %v", err)
	}
	_, err = assess.ApplyPlanChange(plan[0], assess.PlanEdit{}, assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "r", Expires: day(t, "2026-01-30")}}, assessed)
	if err == nil {
		t.Fatal("an acceptance that had already expired was accepted")
	}
	e, err := assess.ApplyPlanChange(plan[0], assess.PlanEdit{}, assess.PlanChange{
		Accept: assess.Acceptance{Approver: "CISO", Reason: "compensating control", Expires: day(t, "2026-04-30")}}, assessed)
	if err != nil {
		t.Fatal(err)
	}
	if e.Status != assess.ItemAccepted {
		t.Fatalf("status %s after acceptance", e.Status)
	}
	edits := map[string]assess.PlanEdit{"a": e}
	for _, c := range []struct {
		today            string
		closed, overdue  bool
		reopened         bool
		effective        assess.ItemStatus
		summaryOpen, sOv int
	}{
		{"2026-03-10", true, false, false, assess.ItemAccepted, 0, 0}, // past due but accepted
		{"2026-04-30", true, false, false, assess.ItemAccepted, 0, 0}, // the expiry day itself still counts
		{"2026-05-01", false, true, true, assess.ItemOpen, 1, 1},      // expired: open, and past its due date
	} {
		today := day(t, c.today)
		plan := assess.BuildPlan(fs, edits, assess.DefaultDeadlines(), assessed, today)
		it := plan[0]
		// The stored summary, made on another day, must agree.
		sum := assess.Summarize(&assess.Evaluation{Result: &assess.Result{}, Plan: plan})
		if open, ov := sum.OpenOn(today); open != c.summaryOpen || ov != c.sOv {
			t.Errorf("%s: summary open %d overdue %d, want %d %d", c.today, open, ov, c.summaryOpen, c.sOv)
		}
		if it.Closed() != c.closed || it.Overdue(today) != c.overdue || it.Reopened != c.reopened || it.EffectiveStatus() != c.effective {
			t.Errorf("%s: closed %v overdue %v reopened %v status %s; want %v %v %v %s", c.today,
				it.Closed(), it.Overdue(today), it.Reopened, it.EffectiveStatus(), c.closed, c.overdue, c.reopened, c.effective)
		}
	}
	// Any other status drops the acceptance (the audit trail keeps it).
	plan = assess.BuildPlan(fs, edits, assess.DefaultDeadlines(), assessed, assessed)
	e2, err := assess.ApplyPlanChange(plan[0], e, assess.PlanChange{Status: assess.ItemInProgress}, assessed)
	if err != nil || e2.Acceptance != nil || e2.Status != assess.ItemInProgress {
		t.Errorf("reopening by hand: %+v, %v", e2, err)
	}
}

func TestMilestones(t *testing.T) {
	assessed := day(t, "2026-01-31")
	plan := assess.BuildPlan(findings(assess.Low), nil, assess.DefaultDeadlines(), assessed, assessed)
	e, err := assess.ApplyPlanChange(plan[0], assess.PlanEdit{}, assess.PlanChange{AddMilestones: []assess.Milestone{{Title: "scope"}, {Title: "fix", Due: day(t, "2026-03-01")}}}, assessed)
	if err != nil || len(e.Milestones) != 2 {
		t.Fatalf("%+v, %v", e, err)
	}
	e2, err := assess.ApplyPlanChange(plan[0], e, assess.PlanChange{DoneMilestones: []int{2}}, assessed)
	if err != nil || !e2.Milestones[1].Done || e2.Milestones[0].Done {
		t.Fatalf("%+v, %v", e2, err)
	}
	if e.Milestones[1].Done {
		t.Error("marking a milestone done changed the previous edit")
	}
	if _, err := assess.ApplyPlanChange(plan[0], e, assess.PlanChange{DoneMilestones: []int{3}}, assessed); err == nil {
		t.Error("milestone 3 of 2 was marked done")
	}
	// The refusal counts in words: "a has 1 milestones" read as a typo.
	one, err := assess.ApplyPlanChange(plan[0], assess.PlanEdit{}, assess.PlanChange{AddMilestones: []assess.Milestone{{Title: "scope"}}}, assessed)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		edit assess.PlanEdit
		want string
	}{
		{one, "a has 1 milestone; there is no milestone 7"},
		{e, "a has 2 milestones; there is no milestone 7"},
		{assess.PlanEdit{}, "a has no milestones; there is no milestone 7"},
	} {
		if _, err := assess.ApplyPlanChange(plan[0], c.edit, assess.PlanChange{DoneMilestones: []int{7}}, assessed); err == nil || err.Error() != c.want {
			t.Errorf("got %v, want %q", err, c.want)
		}
	}
}
