package tui_test

import (
	"strings"
	"testing"
)

// A list provider whose outage would barely matter is asked none of the
// continuity questions, though the section is not hidden as a whole: the
// sidebar listed "Business continuity 0/0", a section with nothing to
// answer, among those to work through.
func TestSidebarLeavesOutASectionWithNothingToAsk(t *testing.T) {
	e := newEnv(t)
	a := e.create("third-party-due-diligence", "ListCo")
	e.answerFrom(a, "verdicts/tpdd-health-conditions-list-explicit-consent.yaml")
	f := e.startSized(e.deps(), 120, 40)
	f.waitFor("ListCo")
	f.press("enter")
	f.waitFor("Sections", "End of contract")
	if s := f.screen(); strings.Contains(s, "Business continuity") || strings.Contains(s, "0/0") {
		t.Errorf("the sidebar lists a section with no question to ask:\n%s", s)
	}
	f.quit()
}
