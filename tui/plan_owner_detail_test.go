package tui_test

import (
	"strings"
	"testing"
)

// The plan's list cuts the owner to its column; the detail under the list,
// which shows the item under the cursor in full, names the owner whole, so
// that on a vendor call the reviewer can read out who carries the item
// without opening its form.
func TestPlanDetailNamesTheOwnerInFull(t *testing.T) {
	e, a := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")

	const owner = "Priya Raghunathan (infrastructure)"
	f.press("enter")
	f.waitFor("┃ Owner")
	f.typeText(owner)
	f.press("enter")
	f.waitFor("┃ Due date")
	f.press("enter")
	f.waitFor("┃ Why the due date moved")
	f.press("enter")
	f.waitFor("┃ Status")
	f.press("enter")
	f.waitFor("┃ Action")
	f.press("enter")
	f.waitFor("enter edit item", "saved ✓")
	if got := e.load(a.ID).PlanEdits["pentest"].Owner; got != owner {
		t.Fatalf("pentest's owner is stored as %q, want %q", got, owner)
	}
	f.waitFor("Owner: " + owner)
	screen := f.screen()
	for _, line := range strings.Split(screen, "\n") {
		if strings.Contains(line, "pentest") && strings.Contains(line, owner) {
			t.Fatalf("the owner fits its list column at this width; the test needs a longer one:\n%s", screen)
		}
	}
	f.quit()
}
