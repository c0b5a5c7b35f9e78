package main

import (
	"strings"
	"testing"
)

// The plan's footnote explains the star beside a due date moved by hand.
// A plan whose only notes are an acceptance or milestones has no star, so
// the footnote would tell the reader a date was moved when none was.
func TestPlanFootnoteOnlyWhenADueDateMoved(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	s.ok("plan", id, "--item", "mfa", "--accept-approver", "CISO", "--accept-reason", "Hardware keys on order", "--accept-expires", "2099-12-31")
	s.ok("plan", id, "--item", "policy", "--milestone", "2026-03-01 Draft the policy")
	out := s.ok("plan", id, "--as-of", "2026-02-01")
	if strings.Contains(out, "moved by hand") {
		t.Errorf("no due date was moved, yet the plan says one was:\n%s", out)
	}
	if !strings.Contains(out, "risk accepted by CISO") || !strings.Contains(out, "Draft the policy") {
		t.Errorf("the acceptance and the milestone are not listed:\n%s", out)
	}
	s.ok("plan", id, "--item", "policy", "--due", "2026-06-30", "--reason", "Board meets in June")
	out = s.ok("plan", id, "--as-of", "2026-02-01")
	if !strings.Contains(out, "2026-06-30*") || !strings.Contains(out, "* due date moved by hand") {
		t.Errorf("a moved due date is not starred and explained:\n%s", out)
	}
}
