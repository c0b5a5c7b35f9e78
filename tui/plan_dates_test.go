package tui_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// An acceptance holds through its expiry day and the item reopens the day
// after (README, Remediation plan): `assay plan --accept-expires` takes
// today, and the workspace refused it ("the expiry must be after today"),
// so the same acceptance could be recorded from one and not the other.
func TestAcceptanceExpiringTodayAsOnTheCommandLine(t *testing.T) {
	e, a := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")
	f.press("a")
	f.waitFor("Accept this risk", "┃ Approver")
	f.press("enter") // the approver is the session's reviewer

	f.waitFor("┃ Reason")
	f.typeText("Test booked")
	f.waitFor("┃ Test booked")
	f.press("enter")
	f.waitFor("┃ Expires")
	f.typeText("2026-03-30") // the day before testToday (2026-03-31)
	f.waitFor("> 2026-03-30")
	f.press("enter")
	f.waitFor("the expiry cannot be before today")
	for range len("2026-03-30") {
		f.press("backspace")
	}
	f.typeText("2026-03-31")
	f.waitFor("> 2026-03-31")
	f.press("enter")
	f.waitFor("risk accepted", "Risk accepted by Dana Reyes until 2026-03-31", "saved ✓")
	f.quit()

	e.reopen()
	if acc := e.load(a.ID).PlanEdits["pentest"].Acceptance; acc == nil || acc.Expires.String() != "2026-03-31" {
		t.Errorf("acceptance stored as %+v, want one expiring 2026-03-31", acc)
	}
}

// A due date before the assessment date is refused on the field, as the
// store refuses it, and the form keeps what was typed.
func TestDueDateBeforeTheAssessmentRefusedOnTheField(t *testing.T) {
	e, a := payrollAnswered(t) // assessed on testToday, 2026-03-31
	f := e.start()
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")
	f.press("enter")
	f.waitFor("┃ Owner")
	f.press("enter")
	f.waitFor("┃ Due date")
	for range len("2026-06-29") {
		f.press("backspace")
	}
	f.typeText("2026-03-30")
	f.waitFor("> 2026-03-30")
	f.press("enter")
	f.waitFor("not before the assessment date 2026-03-31")
	f.press("esc")
	f.waitGone("┃ Due date")
	f.quit()
	if due := e.load(a.ID).PlanEdits["pentest"].Due; !due.IsZero() {
		t.Errorf("due date stored as %s", due)
	}
}

// A milestone dated before the assessment date is refused on the field,
// as the store refuses it, and the form keeps what was typed: corrected
// to the assessment day, it is saved.
func TestMilestoneBeforeTheAssessmentRefusedOnTheField(t *testing.T) {
	e, a := payrollAnswered(t) // assessed on testToday, 2026-03-31
	f := e.start()
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")
	f.press("M")
	f.waitFor("┃ Milestone")
	f.typeText("Scope agreed")
	f.waitFor("> Scope agreed")
	f.press("enter")
	f.waitFor("┃ Due date")
	f.typeText("2026-03-30")
	f.waitFor("> 2026-03-30")
	f.press("enter")
	f.waitFor("not before the assessment date 2026-03-31")
	f.press("backspace")
	f.typeText("1")
	f.waitFor("> 2026-03-31")
	f.press("enter")
	f.waitFor("Scope agreed", "saved ✓")
	f.quit()
	ms := e.load(a.ID).PlanEdits["pentest"].Milestones
	if len(ms) != 1 || ms[0].Title != "Scope agreed" || ms[0].Due.String() != "2026-03-31" {
		t.Errorf("milestones stored as %+v, want Scope agreed by 2026-03-31", ms)
	}
}

// The plan marked an overdue item only by the colour of its date: with
// NO_COLOR, or to a reader who cannot tell red, nothing said which item the
// header's "1 overdue" was. The selected item says it in words, as assay
// plan does: pentest (medium, 90 days from 2026-03-31) is due 2026-06-29.
func TestPlanSaysInWordsWhenAnItemIsDue(t *testing.T) {
	for _, c := range []struct {
		today assess.Date
		want  string
	}{
		{assess.NewDate(2026, 6, 28), "Due 2026-06-29 · due in 1 day"},
		{assess.NewDate(2026, 6, 29), "Due 2026-06-29 · due today"},
		{assess.NewDate(2026, 6, 30), "Due 2026-06-29 · overdue by 1 day"},
		{assess.NewDate(2027, 1, 1), "Due 2026-06-29 · overdue by 186 days"},
	} {
		e, _ := payrollAnswered(t)
		d := e.deps()
		d.Today = func() assess.Date { return c.today }
		f := e.startWith(d)
		f.waitFor("Payroll system")
		f.press("p")
		f.waitFor("[Plan]", "pentest")
		f.waitFor(c.want)
		f.quit()
	}
}
