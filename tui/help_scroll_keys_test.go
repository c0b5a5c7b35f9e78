package tui_test

import "testing"

// README: "? lists every key of the screen you are on". The report and a
// comparison page down with f as well as pgdn and space, and the report
// scrolls half a page with d and u (ctrl+d, ctrl+u); the interview goes
// to the next and previous question with pgdn and pgup, and clears an
// answer with delete. Those keys worked, and no list named them.
func TestHelpListsEveryScrollKeyTheViewsTake(t *testing.T) {
	e := twoYears(t)
	f := e.startSized(e.deps(), 120, 40)
	f.waitFor("Payroll system")
	f.press("C")
	f.waitFor("compare #1 → #2")
	f.press("?")
	f.waitFor("Keys on this screen", "page down, as space")
	f.press("esc")
	f.waitGone("Keys on this screen")
	f.press("esc")
	f.waitFor("sorted by")
	f.press("enter")
	f.waitFor("[Interview]")
	f.press("?")
	f.waitFor("Keys on this screen", "→/l/pgdn", "←/h/pgup", "x/delete")
	f.press("esc")
	f.waitGone("Keys on this screen")
	f.press("shift+tab")
	f.waitFor("[Report]")
	f.press("?")
	f.waitFor("Keys on this screen", "page down, as space", "half a page down, up (ctrl+d, ctrl+u)")
	f.press("esc")
	f.waitGone("Keys on this screen")
	f.quit()
}
