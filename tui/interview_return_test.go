package tui_test

import "testing"

// On a call the analyst glances at the review or the plan and comes back
// to the question the vendor is answering: tab away and back returns to
// that question, not to the first one still to answer (which is where
// reopening the assessment starts).
func TestTabAwayAndBackKeepsTheQuestion(t *testing.T) {
	e := newEnv(t)
	f, _ := e.interviewOn("all-types.yaml", "Payroll system")
	f.waitFor("question 1 of 8", "multi-factor")
	f.press("right", "right", "right")
	f.waitFor("question 4 of 8")

	f.press("tab")
	f.waitFor("[Review]")
	f.press("shift+tab")
	f.waitFor("[Interview]", "question 4 of 8")

	// Round the four views.
	f.press("tab", "tab", "tab", "tab")
	f.waitFor("[Interview]", "question 4 of 8")
	f.quit()
}
