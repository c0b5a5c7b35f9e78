package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A subject is a name: the store refuses one holding a bidi control,
// which the screen never draws (the frame drops them). The field said
// nothing: the subject the analyst read ("EvilCorp") was not the one
// held, and only submitting the whole form told. The field refuses it as
// the plan's owner and approver fields do, at once, naming the character
// and where it is; a right-to-left mark, zero-width, too, and a zero-width
// space, which makes "Ac<ZWSP>me" read as "Acme".
func TestASubjectWithAHiddenControlIsRefusedOnTheField(t *testing.T) {
	for _, tc := range []struct{ pasted, says string }{
		{"Evil\u202eCorp", "subject holds a bidi control (U+202E) at character 5"},
		{"Acme\u200f Ltd", "subject holds a bidi control (U+200F) at character 5"},
		{"Ac\u200bme", "subject holds an invisible character (U+200B) at character 3"},
	} {
		e := newEnv(t)
		f := e.start()
		f.waitFor("No assessments yet")
		f.press("n")
		f.waitFor("Questionnaire", "Subject")
		f.pickQuestionnaire("Vendor security screen")
		f.tm.Send(tea.PasteMsg{Content: tc.pasted})
		f.press("enter")
		f.waitFor(tc.says, "┃ Subject")
		if strings.Contains(f.screen(), "┃ The subject is a") {
			t.Errorf("%q: the form moved on past the subject:\n%s", tc.pasted, f.screen())
		}
		f.press("esc")
		f.waitFor("No assessments yet")
		f.quit()
	}
}

// Accessible mode refuses such a subject as it is typed, before asking
// what the subject is, in the same words; it asks for the subject again,
// and enter alone goes back to the list.
func TestAccessibleSubjectWithAHiddenControlIsRefused(t *testing.T) {
	e := newEnv(t)
	text := e.accessible("n\n1\nEvil\u202eCorp\n\nq\n")
	if want := "subject holds a bidi control (U+202E) at character 5"; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if strings.Contains(text, "Is it a vendor") || strings.ContainsRune(text, '\u202e') {
		t.Errorf("the subject went on to the kind, or its control was written out:\n%s", text)
	}
}
