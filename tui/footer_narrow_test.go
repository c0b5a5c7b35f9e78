package tui_test

import (
	"strings"
	"testing"
)

// On a terminal too narrow for the footer's first key, the footer was
// empty: nothing said how to find the keys. The key that lists them (?)
// now stays when the keys before it give way, on the home screen and in
// the interview, and a person who presses it gets the list.
func TestANarrowFooterStillSaysWhereTheKeysAre(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud")
	f := e.startSized(e.deps(), 20, 8)
	f.waitFor("Acme Cl")
	if last := lastLine(f.screen()); !strings.Contains(last, "? keys") {
		t.Fatalf("the home screen's footer at 20 columns is %q, want it to name ? keys\n%s", last, f.screen())
	}
	f.press("enter")
	f.waitFor("question 1 of")
	if last := lastLine(f.screen()); !strings.Contains(last, "? keys") {
		t.Fatalf("the interview's footer at 20 columns is %q, want it to name ? keys\n%s", last, f.screen())
	}
	f.press("?")
	f.waitFor("Keys on")
	f.press("esc")
	f.waitGone("Keys on")
	f.press("esc")
	f.waitFor("Assessments")
	f.quit()
}

// lastLine is the screen's bottom line, where the footer's keys are.
func lastLine(screen string) string {
	ls := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	return ls[len(ls)-1]
}
