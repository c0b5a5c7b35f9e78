package main

import (
	"strings"
	"testing"
)

// A remediation item is found on the assessment date, so it cannot fall
// due before it: a due date moved to the day before read as an item
// overdue before its gap was known, and counted among the overdue. The
// assessment day itself (fix at once) stands.
func TestDueDateNotBeforeTheAssessmentDate(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	s.fails("cannot be before the assessment date 2026-01-31",
		"plan", id, "--item", "mfa", "--due", "2026-01-30", "--reason", "Typed the wrong year")
	if out := s.ok("plan", id, "--csv"); strings.Contains(out, "2026-01-30") {
		t.Errorf("a refused due date was recorded:\n%s", out)
	}
	out := s.ok("plan", id, "--item", "mfa", "--due", "2026-01-31", "--reason", "Fix at once")
	if !strings.Contains(out, "due 2026-01-31") {
		t.Errorf("a due date on the assessment day: %s", out)
	}
}

// A milestone is refused before the assessment date as a due date is;
// one on the assessment day stands.
func TestMilestoneNotBeforeTheAssessmentDate(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	s.fails("cannot be before the assessment date 2026-01-31",
		"plan", id, "--item", "mfa", "--milestone", "2026-01-30 Scope agreed")
	if out := s.ok("plan", id, "--csv"); strings.Contains(out, "Scope agreed") {
		t.Errorf("a refused milestone was recorded:\n%s", out)
	}
	s.ok("plan", id, "--item", "mfa", "--milestone", "2026-01-31 Scope agreed")
	if out := s.ok("plan", id, "--csv"); !strings.Contains(out, "Scope agreed") {
		t.Errorf("a milestone on the assessment day was not recorded:\n%s", out)
	}
}
