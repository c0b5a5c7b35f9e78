package tui_test

import (
	"strings"
	"testing"
)

// A new assessment is not rated yet: unanswered questions count as the
// worst answer, so its level is the worst case until the answers settle
// it. The portfolio's level column, the interview's status line and the
// review say so; w shows the worst case and its working.
func TestNewAssessmentIsNotRatedYet(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	f := e.start()
	f.waitFor("Acme Cloud Ltd")
	if l := cursorLine(f.screen()); !strings.Contains(l, "0/33") || !strings.Contains(l, "not rated yet") || strings.Contains(l, "critical") {
		t.Errorf("the portfolio lists a blank assessment as %q, want not rated yet", l)
	}
	f.press("/") // the filter finds it by what the list says, not by its worst case
	f.typeText("not rated")
	f.press("enter")
	f.waitFor("1 of 1 ·")
	f.press("esc")
	f.waitGone("/not rated")
	f.press("enter")
	f.waitFor("question 1 of 33", "Overall risk: not rated yet")
	f.press("tab")
	f.waitFor("[Scores]", "Overall risk: not rated yet",
		"between low and critical until the 33 unanswered", "shows the worst case")
	f.press("w")
	f.waitFor("Overall risk, worst case: critical", "Control risk scores 96 of a possible 96")
	f.press("w")
	f.waitFor("Overall risk: not rated yet")
	f.quit()
}
