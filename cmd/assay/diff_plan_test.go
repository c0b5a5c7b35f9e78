package main

import (
	"strings"
	"testing"
)

// assay diff of a revision that changes only the plan printed "No
// changes.", which a reader takes for the whole picture. The setup is
// TestReportSinceTellsPlanChanges's, worked out by hand there: the plan
// lists mfa (due 2026-03-02), access-review (moved to 2026-04-30) and
// policy (2026-05-01), and only their plan fields change.
func TestDiffTellsPlanChanges(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	s.ok("review", id, "--submit", "--comment", "Ready", "--reviewer", "Dana Reyes", "--date", "2026-02-02")
	s.ok("review", id, "--approve", "--comment", "Plan agreed", "--reviewer", "Rui Costa", "--date", "2026-02-03")
	rev := strings.TrimSpace(s.ok("revise", id))
	// Only the review differs (the revision is a draft of the approved
	// original), and the diff says nothing else changed.
	if out := s.ok("diff", id, rev, "--as-of", "2026-03-15"); !strings.HasSuffix(out, "\n\nReview: approved by Rui Costa on 2026-02-03 (\"Plan agreed\") -> draft\n\n"+
		"Nothing else changed: the answers, scores, levels, findings and remediation plan are the same.\n") {
		t.Errorf("a revision with nothing changed does not say so:\n%s", out)
	}
	s.ok("plan", rev, "--item", "mfa", "--accept-approver", "Dana Reyes (CISO)", "--accept-reason", "Keys on order", "--accept-expires", "2027-06-30")
	s.ok("plan", rev, "--item", "policy", "--status", "done", "--owner", "Vendor manager")
	s.ok("plan", rev, "--item", "access-review", "--due", "2026-04-30", "--reason", "Quarterly cycle")

	out := s.ok("diff", id, rev, "--as-of", "2026-03-15")
	_, got, _ := strings.Cut(out, "\n\n")
	want := `Review: approved by Rui Costa on 2026-02-03 ("Plan agreed") -> draft

Plan items changed: 3
  ~ mfa: status: open -> risk accepted, by Dana Reyes (CISO) until 2027-06-30
  ~ access-review: due: 2026-07-30 -> 2026-04-30 (Quarterly cycle)
  ~ policy: owner: unassigned -> Vendor manager; status: open -> done
`
	if got != want {
		t.Errorf("assay diff of a plan-only revision:\n%s\nwant after the header:\n%s", out, want)
	}
	// The assessment a year before, with the same answers: the default
	// due dates count from each one's date, which is no change, and the
	// diff says why they differ.
	earlier := s.startBuiltin("vendor-security-screen", "Acme", "2025-01-31", vendorAnswers)
	if out := s.ok("diff", earlier, id, "--as-of", "2026-03-15"); !strings.HasSuffix(out, "\n\nReview: draft -> approved by Rui Costa on 2026-02-03 (\"Plan agreed\")\n\n"+
		"Nothing else changed: the answers, scores, levels, findings and remediation plan are the same.\n"+
		"The default due dates count from each assessment's date; those that moved with it are not counted as changes.\n") {
		t.Errorf("a reassessment with the same answers a year on:\n%s", out)
	}
	// Given the revision alone, the one before it is the approved original.
	if again := s.ok("diff", rev, "--as-of", "2026-03-15"); again != out {
		t.Errorf("assay diff %s differs from assay diff %s %s:\n%s", rev, id, rev, again)
	}
}
