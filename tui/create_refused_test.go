package tui_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A new assessment the store refuses (here a subject pasted with a bidi
// override, which the store refuses in a name) leaves the form on screen
// with what was typed, under the reason, so that the name can be put
// right: the form had vanished, leaving the reason above an empty screen
// that no key but esc changed.
func TestARefusedNewAssessmentKeepsTheForm(t *testing.T) {
	e := newEnv(t)
	f := e.start()
	f.waitFor("No assessments yet")
	f.press("n")
	f.waitFor("Questionnaire", "Subject")
	f.pickQuestionnaire("Vendor security screen")
	f.tm.Send(tea.PasteMsg{Content: "Evil\u202eCorp"})
	f.waitFor("> Evil", "Corp")
	f.press("enter")
	f.waitFor("┃ The subject is a")
	f.press("enter")
	f.waitFor("bidi control (U+202E)", "┃ Subject", "> Evil")

	// The name put right, the assessment is created.
	f.press("ctrl+u")
	f.typeText("Evil Corp")
	f.waitFor("> Evil Corp")
	f.press("enter")
	f.waitFor("┃ The subject is a")
	f.press("enter")
	f.waitFor("question 1 of 25")
	f.quit()
	e.reopen()
	if a := e.load(1); a.Subject != "Evil Corp" {
		t.Errorf("created for %q", a.Subject)
	}
}
