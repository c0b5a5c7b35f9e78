package tui_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A form opened on a tall terminal follows the terminal when it shrinks:
// the field being typed in stays on the screen. It kept the height it
// opened with, so the fields below the new bottom edge were typed into
// out of sight.
func TestPlanAndSignOffFormsFollowAShrinkingTerminal(t *testing.T) {
	e, _ := payrollAnswered(t)
	f := e.startSized(e.deps(), 80, 40)
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")
	f.press("enter")
	f.waitFor("┃ Owner", "Action")
	f.tm.Send(tea.WindowSizeMsg{Width: 80, Height: 14})
	for _, field := range []string{"┃ Due date", "┃ Why the due date moved", "┃ Status", "┃ Action"} {
		f.press("enter")
		f.waitFor(field)
	}
	f.press("esc")
	f.waitFor("enter edit item")

	f.tm.Send(tea.WindowSizeMsg{Width: 80, Height: 40})
	f.press("tab", "tab", "tab") // the review
	f.waitFor("[Review]", "S submits it")
	f.press("S")
	f.waitFor("┃ Decision")
	f.tm.Send(tea.WindowSizeMsg{Width: 80, Height: 11})
	f.press("down", "down", "down")
	f.waitFor("> DPO opinion: unfavourable")
	f.press("esc")
	f.quit()
}

// The new-assessment form follows a shrinking terminal too: its list of
// questionnaires was sized once, on a tall terminal, and pushed the
// subject's kind below the new bottom edge.
func TestNewAssessmentFormFollowsAShrinkingTerminal(t *testing.T) {
	e := newEnv(t)
	f := e.startSized(e.deps(), 80, 40)
	f.waitFor("No assessments yet")
	f.press("n")
	f.waitFor("Questionnaire", "Subject")
	f.tm.Send(tea.WindowSizeMsg{Width: 80, Height: 14})
	f.press("enter")
	f.waitFor("┃ Subject")
	f.typeText("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("┃ The subject is a", "vendor", "dataset")
	f.press("esc")
	f.waitFor("No assessments yet")
	f.quit()
}
