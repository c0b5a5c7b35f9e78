package tui_test

import (
	"testing"
)

// An owner and an approver are names: the plan's forms refuse one the
// store would refuse (a bidi control) on the field itself, keeping
// the form and what was typed in it, instead of closing the form and
// losing the whole change (its due date, reason and action) to the
// store's refusal.
func TestPlanFormsRefuseABadNameOnTheField(t *testing.T) {
	e, a := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")

	f.press("enter")
	f.waitFor("┃ Owner")
	f.typeText("Eve\u202eLee")
	f.press("enter")
	f.waitFor("owner holds a bidi control (U+202E) at character 4")
	f.waitFor("┃ Owner")
	f.press("esc")
	f.waitFor("enter edit item")

	f.press("a")
	f.waitFor("┃ Approver")
	for range len("Dana Reyes") {
		f.press("backspace")
	}
	f.typeText("CISO\u2067Deputy")
	f.press("enter")
	f.waitFor("approver holds a bidi control (U+2067) at character 5")
	f.waitFor("┃ Approver")
	f.press("esc")
	f.quit()

	if got := e.load(a.ID).PlanEdits["pentest"]; got.Owner != "" || got.Acceptance != nil {
		t.Errorf("pentest holds owner %q and acceptance %+v; want neither", got.Owner, got.Acceptance)
	}
}

// Text that is nothing once cleaned (a bidi control alone) is empty: the
// milestone form and the edit form's reason say so on the field, where
// the store's refusal of an empty title or reason, after the form
// closed, lost what the form held.
func TestPlanFormsTakeTextThatCleansToNothingAsEmpty(t *testing.T) {
	e, a := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")
	f.press("M")
	f.waitFor("┃ Milestone")
	f.typeText("\u202e")
	f.press("enter")
	f.waitFor("enter the milestone")
	f.press("esc")
	f.waitFor("enter edit item")

	f.press("enter")
	f.waitFor("┃ Owner")
	f.press("enter")
	f.waitFor("┃ Due date")
	for range len("2026-06-29") {
		f.press("backspace")
	}
	f.typeText("2026-08-31")
	f.waitFor("> 2026-08-31")
	f.press("enter")
	f.waitFor("┃ Why the due date moved")
	f.typeText("\u2067")
	f.press("enter")
	f.waitFor("say why the due date moved")
	f.press("esc")
	f.quit()

	if got := e.load(a.ID).PlanEdits["pentest"]; len(got.Milestones) != 0 || !got.Due.IsZero() {
		t.Errorf("pentest holds %+v; want nothing changed", got)
	}
}
