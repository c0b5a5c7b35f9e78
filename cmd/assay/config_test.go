package main

import (
	"strings"
	"testing"
)

// Settings for a questionnaire of the user's own folder are known, like a
// built-in's, and apply.
func TestConfigQuestionnaireSettingsForTheUsersOwnQuestionnaire(t *testing.T) {
	s := newCLISession(t)
	s.env["ASSAY_CONFIG"] = writeFile(t, t.TempDir(), "config.yaml", "questionnaires:\n  scoring-basics:\n    deadlines: {high: 4}\n  dpia:\n    deadlines: {medium: 60}\n")
	id := s.start("scoring-basics", "Acme", "2026-01-10", "mfa: no")
	if plan := s.ok("plan", id, "--as-of", "2026-01-11"); !strings.Contains(plan, "2026-01-14") {
		t.Errorf("the 4-day deadline for high findings of scoring-basics is not in the plan:\n%s", plan)
	}
}
