package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A milestone pasted longer than the 300 characters one holds is refused
// whole, saying so: the field kept its first 300 and dropped the rest
// without a word, and enter added the milestone cut mid-sentence. The
// same holds for the edit form's owner, reason and action and the
// acceptance's approver and reason.
func TestAMilestonePastedTooLongIsRefusedNotCut(t *testing.T) {
	e, a, _, f := twoItemPlan(t, false)
	f.press("M")
	f.waitFor("┃ Milestone")
	f.typeText("Scope")
	f.waitFor("> Scope")
	f.tm.Send(tea.PasteMsg{Content: strings.Repeat(" agreed with the vendor", 20)})
	f.waitFor("Not pasted", "Nothing was added")
	f.press("enter", "enter")
	f.waitFor("saved ✓")
	f.quit()
	n := 0
	for key, pe := range e.load(a.ID).PlanEdits {
		for _, m := range pe.Milestones {
			n++
			if m.Title != "Scope" {
				t.Errorf("%s has the milestone %q; want %q", key, m.Title, "Scope")
			}
		}
	}
	if n != 1 {
		t.Errorf("%d milestones added; want 1", n)
	}
}
