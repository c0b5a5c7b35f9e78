package tui_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A colleague two days behind in time (their today 2026-03-29) accepts a
// risk of an assessment dated 2026-03-31 by a colleague ahead. The
// expiry field took 2026-03-30, "today or later" where they are; the
// store refuses an acceptance ending before the assessment date, and that
// refusal, after the form closed, lost the reason typed with it. The
// field says so, and the form keeps what was typed: corrected to the
// assessment date, the acceptance is saved.
func TestAcceptanceExpiryBeforeTheAssessmentDateRefusedOnTheField(t *testing.T) {
	e, a := payrollAnswered(t) // assessed on testToday, 2026-03-31
	d := e.deps()
	d.Today = func() assess.Date { return testToday.AddDays(-2) }
	f := e.startWith(d)
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")
	f.press("a")
	f.waitFor("Accept this risk", "┃ Approver")
	f.press("enter")
	f.waitFor("┃ Reason")
	f.typeText("Test booked")
	f.waitFor("┃ Test booked")
	f.press("enter")
	f.waitFor("┃ Expires")
	f.typeText("2026-03-30")
	f.waitFor("> 2026-03-30")
	f.press("enter")
	f.waitFor("not before the assessment date 2026-03-31")
	f.press("backspace")
	f.typeText("1")
	f.waitFor("> 2026-03-31")
	f.press("enter")
	f.waitFor("Risk accepted by Dana Reyes until 2026-03-31", "saved ✓")
	f.quit()
	if acc := e.load(a.ID).PlanEdits["pentest"].Acceptance; acc == nil || acc.Reason != "Test booked" || acc.Expires.String() != "2026-03-31" {
		t.Errorf("acceptance stored as %+v, want Test booked until 2026-03-31", acc)
	}
}
