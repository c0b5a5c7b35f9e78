package tui_test

import (
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A comparison scrolled to its end on a small terminal shows from its
// first line once the terminal grows tall enough for all of it: it kept
// the small terminal's scroll, hiding which assessments it compares with
// nothing on the screen to say that lines were above.
func TestComparisonGrownTallEnoughShowsItsStart(t *testing.T) {
	e := twoYears(t)
	f := e.startSized(e.deps(), 60, 12)
	f.waitFor("Payroll system")
	f.press("C")
	f.waitFor("compare #1 → #2", "↓ for more")
	f.press("G")
	f.waitGone("↓ for more")
	f.tm.Send(tea.WindowSizeMsg{Width: 200, Height: 80})
	f.waitFor("From #1 Payroll system", "To   #2 Payroll system")
	f.quit()
}
