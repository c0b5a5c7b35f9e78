package tui_test

import (
	"context"
	"strings"
	"testing"
)

// An archived assessment (set aside as started by mistake) opened from
// the archived list took answers and plan edits: it reads as it is, and
// each key that would change it says it is archived and how to restore
// it, with no form opened and nothing recorded.
func TestAnArchivedAssessmentTakesNoChangeInTheWorkspace(t *testing.T) {
	e, a := payrollAnswered(t)
	if err := e.db.SetArchived(context.Background(), a.ID, true); err != nil {
		t.Fatal(err)
	}
	before := len(e.load(a.ID).Answers)
	const refused = "#1 is archived; A then a on the home screen restores it"
	f := e.start()
	f.press("A")
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("[Interview]")
	f.press("1")
	f.waitFor(refused)
	f.press("esc")
	f.press("p")
	f.waitFor("[Plan]", "pentest")
	for _, k := range []string{"enter", "a", "M"} {
		f.press(k)
		f.waitFor(refused)
		if s := f.screen(); strings.Contains(s, "┃") {
			t.Fatalf("%s opened a form on an archived assessment's plan:\n%s", k, s)
		}
	}
	f.quit()
	got := e.load(a.ID)
	if len(got.Answers) != before || len(got.PlanEdits) != 0 {
		t.Errorf("an archived assessment changed: %d answers (had %d), plan edits %+v", len(got.Answers), before, got.PlanEdits)
	}
}
