package tui_test

import (
	"strings"
	"testing"
)

// The keys screen says what every key does in full, at every width the
// workspace lays out for and below: a description too long for its column
// wraps under itself instead of being cut ("first, last (ho…" at 60
// columns; "pick option (0 is the ten…" at 40).
func TestKeysScreenDescriptionsAreWhole(t *testing.T) {
	for _, size := range []struct{ w, h int }{{60, 20}, {40, 30}} {
		e := newEnv(t)
		f := e.startSized(e.deps(), size.w, size.h)
		f.waitFor("sorted by")
		f.press("?")
		f.waitFor("Keys on this screen")
		screen := f.screen()
		lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
		for _, l := range lines[:len(lines)-1] { // the footer's "…" says it has more keys
			if strings.Contains(l, "…") {
				t.Errorf("%dx%d: a description is cut: %q\n%s", size.w, size.h, l, screen)
			}
		}
		// These keys are in the left column when there are two (from 60
		// columns): its lines, read one after another, say them.
		var left []string
		for _, l := range lines {
			if r := []rune(l); size.w >= 60 && len(r) > size.w/2 {
				l = string(r[:size.w/2])
			}
			left = append(left, l)
		}
		words := strings.Join(strings.Fields(strings.Join(left, "\n")), " ")
		for _, want := range []string{"first, last (home, end)", "compare: mark, then pick the other", "compare with the previous of this subject"} {
			if !strings.Contains(words, want) {
				t.Errorf("%dx%d: %q is not said in full:\n%s", size.w, size.h, want, screen)
			}
		}
	}
}
