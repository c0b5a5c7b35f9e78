package tui_test

import (
	"strings"
	"testing"
)

// b goes back at every prompt of accessible mode but an item's owner,
// action and new milestone, where it was saved as the owner "b", the
// action "b" (read back as "Action: b.") and a milestone titled "b": a
// listener who typed b to leave changed the plan. There, b alone now
// changes nothing, as Enter alone does, and says so.
func TestAccessibleBAtAnItemsFieldChangesNothing(t *testing.T) {
	e, a := payrollAnswered(t)
	text := e.accessible(lines(
		"1", "2", "1", // the assessment, its plan, item 1
		"1", "b", // owner
		"4", "B", // action, caps lock on
		"6", "b", // a milestone
		"b", "b", "q",
	))
	if n := strings.Count(text, "Nothing changed.\n"); n != 3 {
		t.Errorf("said %d times that nothing changed, want 3:\n%s", n, text)
	}
	if strings.Contains(text, "Saved") {
		t.Errorf("something was saved:\n%s", text)
	}
	if edit, ok := e.load(a.ID).PlanEdits["pentest"]; ok {
		t.Errorf("pentest's plan item changed: %+v", edit)
	}
	for _, want := range []string{
		"Type the new owner, a hyphen alone for none, or press Enter alone or b to keep it:",
		"Type the new action, default for the questionnaire's recommendation, or press Enter alone or b to keep it:",
		"type its title, or press Enter alone or b to add none:",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
}
