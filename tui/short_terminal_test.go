package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// On a terminal five lines tall the frame is five lines: the header, a
// line of the screen and a two-line status took six, and the terminal
// scrolled the header away. What gives way is the key list (? shows the
// keys); the status, saying what went wrong, stays (the monkey test
// found it, round 5, seed 517).
func TestFrameFitsAFiveLineTerminal(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	f := e.start()
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("question 1 of")
	f.tm.Send(tea.WindowSizeMsg{Width: 28, Height: 5})
	f.press("9")
	f.waitFor("There is no option 9")
	if s := f.screen(); strings.Count(s, "\n")+1 > 5 {
		t.Errorf("%d lines on a terminal of 5:\n%s", strings.Count(s, "\n")+1, s)
	}
	f.quit()
}
