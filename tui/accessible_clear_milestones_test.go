package tui_test

import (
	"strings"
	"testing"
)

// assay plan --clear-milestones had no counterpart in accessible mode: a
// milestone added by mistake stayed in the plan. 8 in an item clears its
// milestones, once confirmed, through the same change the command line
// makes (assess.PlanChange.ClearMilestones).
func TestAccessibleClearsMilestones(t *testing.T) {
	e, a := payrollAnswered(t)
	text := e.accessible(lines(
		"1", "2", "1", // the assessment, its plan, item 1
		"8",                 // no milestones yet
		"6", "Kick-off", "", // one added
		"8", "", // asked, Enter alone keeps it
		"8", "Y", // cleared
		"b", "b", "q",
	))
	for _, want := range []string{
		"7 to mark a milestone done, 8 to clear its milestones, b to go back to the plan",
		"Item pentest has no milestones; nothing to clear.",
		"Type y to remove its 1 milestone, or press Enter alone to keep it:",
		"Nothing changed.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if n := strings.Count(text, "Saved."); n != 2 {
		t.Errorf("%d changes saved; want 2 (added, cleared):\n%s", n, text)
	}
	if ms := e.load(a.ID).PlanEdits["pentest"].Milestones; len(ms) != 0 {
		t.Errorf("milestones left: %+v", ms)
	}
}
