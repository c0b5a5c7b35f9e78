package tui_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The new-assessment form refused a subject holding a bidi control or an
// invisible character at "character 6", a count that includes the
// character the field does not show: the analyst could not tell where to
// put the cursor. The refusal now names the character and the shown text
// it follows, or says it starts the name.
func TestTheNewAssessmentFormSaysWhereAnUnshownCharacterIs(t *testing.T) {
	for _, c := range []struct{ typed, want string }{
		{"Acme \u202eCloud Ltd", `this right-to-left override: it is just after "Acme "`},
		{"Acme Cloud\u200b Ltd", `this zero-width space: it is just after "Acme Cloud"`},
		{"\u2067Acme", "this right-to-left isolate: it is at the start of the name"},
		{"A very long vendor name indeed\u202d Ltd", `this left-to-right override: it is just after "…g vendor name indeed"`},
	} {
		e := newEnv(t)
		f := e.startSized(e.deps(), 120, 40)
		f.waitFor("No assessments yet")
		f.press("n")
		f.waitFor("Questionnaire", "Subject")
		f.pickQuestionnaire("Vendor security screen")
		f.tm.Send(tea.PasteMsg{Content: c.typed})
		f.press("enter")
		f.waitFor(c.want, "delete it there", "┃ Subject")
		f.press("esc")
		f.waitFor("No assessments yet")
		f.quit()
	}
}
