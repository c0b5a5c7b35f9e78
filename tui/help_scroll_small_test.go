package tui_test

import (
	"strings"
	"testing"
)

// At 60×20, the smallest size the screens are laid out for, the
// interview's key list did not fit and was cut at the bottom: "] next
// section" and the keys after it were never shown. It scrolls with the
// keys every list takes (↓/j, pgdn, ↑/k, g, G), says in its last line
// that there is more, and any other key closes it, as before. Below 60
// columns it is one column, and longer still.
func TestInterviewKeyListScrollsWhenItDoesNotFit(t *testing.T) {
	for _, size := range []struct{ w, h int }{{60, 20}, {40, 12}} {
		e := newEnv(t)
		e.createFrom("all-types.yaml", "Payroll system")
		f := e.startSized(e.deps(), size.w, size.h)
		f.waitFor("Payroll")
		f.press("enter")
		f.waitFor("question 1 of")
		f.press("?")
		f.waitFor("Keys on this screen", "↑/↓ scroll", "below: ↓/j, pgdn")
		first := f.screen()
		seen := first
		for pages := 0; strings.Contains(f.screen(), "below: ↓/j, pgdn"); pages++ {
			if pages == 20 {
				t.Fatalf("%dx%d: 20 pages down and still more below:\n%s", size.w, size.h, f.screen())
			}
			was := f.screen()
			f.press("pgdown")
			f.waitUntil("the key list to page down", func(s string) bool { return s != was })
			seen += f.screen()
		}
		// Every key of the interview, each said once in its row.
		for _, want := range []string{"previous option", "pick option", "tick (multiple", "clear answer",
			"confirm vendor", "next question", "next unanswered", "next section", "previous section",
			"evidence", "question help", "explain answers", "next view", "previous view", "back", "ctrl+c"} {
			if !strings.Contains(seen, want) {
				t.Errorf("%dx%d: %q was never shown paging through the key list:\n%s", size.w, size.h, want, seen)
			}
		}
		f.press("g")
		f.waitUntil("the key list back at its first line", func(s string) bool { return s == first })
		f.press("j")
		f.waitUntil("the key list a line down", func(s string) bool { return s != first && strings.Contains(s, "Keys on this screen") })
		f.press("x") // not a key that scrolls: it closes the list, and clears nothing
		f.waitGone("Keys on this screen")
		f.waitFor("question 1 of")
		f.quit()
	}
}

// A key list that fits says so, and any key closes it, j too.
func TestKeyListThatFitsClosesOnAnyKey(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	f := e.startSized(e.deps(), 120, 40)
	f.waitFor("1 of 1")
	f.press("?")
	f.waitFor("Keys on this screen", "(any key closes)")
	if s := f.screen(); strings.Contains(s, "below: ↓/j, pgdn") {
		t.Errorf("a key list that fits says there is more:\n%s", s)
	}
	f.press("j")
	f.waitGone("Keys on this screen")
	f.quit()
}
