package tui_test

import (
	"strings"
	"testing"
)

// The evidence field is as wide as the line it is on and stays where the
// evidence is shown, below the note: its line was one cell too wide, so
// the frame cut it with "…" (the cursor at the end of what was typed
// hidden under it), and it jumped above the note while typing.
func TestEvidenceFieldFitsItsLine(t *testing.T) {
	e := newEnv(t)
	f, _ := e.interviewOn("all-types.yaml", "Payroll system")
	f.press("n")
	f.typeText("checked in the IdP")
	f.press("enter")
	f.waitFor("Note: checked in the IdP")
	f.press("e")
	f.typeText("soc2.pdf")
	f.waitFor("Evidence: > soc2.pdf")
	screen := f.screen()
	var note, evidence int
	for i, line := range strings.Split(screen, "\n") {
		if strings.Contains(line, "Evidence: > soc2.pdf") {
			evidence = i
			if strings.Contains(line, "…") {
				t.Errorf("the evidence field's line is cut:\n%q", line)
			}
		}
		if strings.Contains(line, "Note: checked in the IdP") {
			note = i
		}
	}
	if note == 0 || evidence < note {
		t.Errorf("the evidence field (line %d) is not below the note (line %d):\n%s", evidence, note, screen)
	}
	f.press("esc")
	f.quit()
}
