package tui_test

import (
	"strings"
	"testing"
)

// At 80x24, with the section's count "11/11", the sidebar's column is too narrow for "Vulnerabilities,"
// with its count: the word was cut at the column's edge and its comma
// began the next line (", development …"). A word wraps at spaces; one
// longer than the column is broken with a hyphen, and no line of the
// sidebar begins with punctuation.
func TestSidebarBreaksALongWordWithAHyphenAt80x24(t *testing.T) {
	e := newEnv(t)
	a := e.create("third-party-due-diligence", "ListCo")
	// Every question answered: the count "11/11" leaves the title 15 cells.
	e.answerFrom(a, "verdicts/tpdd-critical-cloud-host-no-transfer-assessment.yaml")
	f := e.startSized(e.deps(), 80, 24)
	f.waitFor("ListCo")
	f.press("enter")
	f.waitFor("Sections", "Vulnerabilit")
	s := f.screen()
	for _, l := range strings.Split(s, "\n") {
		side, _, ok := strings.Cut(l, "│")
		if !ok {
			continue
		}
		word := strings.TrimLeft(side, " ▸✓◐")
		if word != "" && strings.ContainsAny(word[:1], ",.;:") {
			t.Errorf("a sidebar line begins with punctuation: %q\n%s", side, s)
		}
	}
	if !strings.Contains(s, "Vulnerabilit") || !strings.Contains(s, "-") {
		t.Errorf("the long word is not hyphen-broken:\n%s", s)
	}
	f.quit()
}
