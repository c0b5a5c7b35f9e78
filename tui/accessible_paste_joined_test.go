package tui_test

import (
	"strings"
	"testing"
)

// At a prompt for one line of free text (a plan item's action, a reason,
// a sign-off comment), a paste of several lines was refused, and the
// text had to be pasted again as one line, which a screen-reader user
// cannot easily make of a paragraph. It is joined into one line, blank
// lines dropped, and said so in one line; its escape sequences are
// removed as typed text's are.
func TestAccessiblePasteAtAOneLineTextPromptIsJoined(t *testing.T) {
	e, a := payrollAnswered(t)
	text := e.accessibleOnTerminal(lines(
		"1", "2", "1", // the assessment, its plan, item 1
		"4", pasted("Enrol the admins.\r\n\r\nThen the \x1b[31mstaff\x1b[0m."),
		"b", "b", "q",
	))
	if want := "Pasted 3 lines, joined into one.\n"; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if strings.Contains(text, "Nothing of it was used") {
		t.Errorf("the paste was refused:\n%s", text)
	}
	if strings.ContainsRune(text, '\x1b') {
		t.Errorf("an escape sequence was read out:\n%q", text)
	}
	got := e.load(a.ID).PlanEdits["pentest"].Action
	if got != "Enrol the admins. Then the staff." {
		t.Errorf("pentest's action stored as %q, want the paste joined into one line", got)
	}
}
