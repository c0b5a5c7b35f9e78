package tui_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A note being started stays on the screen when the terminal narrows to
// a few columns (a split pane): the field's width went below zero, and
// the text input drawing its placeholder panicked (the monkey test found
// it, round 1, seed 106).
func TestNoteFieldOnAVeryNarrowTerminal(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	f := e.start()
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("question 1 of")
	f.press("n")
	f.waitFor("what the answer rests on")
	for _, w := range []int{11, 5, 1} {
		f.tm.Send(tea.WindowSizeMsg{Width: w, Height: 40})
		f.tm.Send(tea.WindowSizeMsg{Width: 80, Height: 24})
		f.waitFor("Note: ", "what the answer rests on")
	}
	f.typeText("seen")
	f.press("enter")
	f.waitFor("Note: seen")
	f.quit()
}
