package tui_test

import (
	"strings"
	"testing"
)

// A bidi control typed or pasted into a field (a note, a plan item's
// owner) never reaches the terminal, not even as it is typed: it would
// reorder what the analyst reads on the line. The field still holds it,
// so the check of a name refuses it naming where it is.
func TestTypedBidiControlsNeverReachTheTerminal(t *testing.T) {
	e, _ := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	noBidi := func(where string) {
		t.Helper()
		if s := f.screen(); strings.ContainsRune(s, '\u202e') {
			t.Errorf("%s: U+202E is on the screen:\n%s", where, s)
		}
	}

	f.press("p")
	f.waitFor("[Plan]", "pentest")
	f.press("enter")
	f.waitFor("┃ Owner")
	f.typeText("Eve\u202eLee")
	f.waitFor("> EveLee")
	noBidi("the plan's owner field")
	f.press("enter")
	f.waitFor("owner holds a bidi control (U+202E) at character 4")
	f.press("esc")
	f.waitFor("enter edit item")

	f.press("tab", "tab") // the interview
	f.waitFor("[Interview]")
	f.press("n")
	f.typeText("see \u202eannex")
	f.waitFor("see annex")
	noBidi("the interview's note")
	f.press("esc")
	f.quit()
}
