package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A DPIA that leaves a high or critical risk after its measures tells the
// committee not to start and to consult the supervisory authority (GDPR
// Article 36(1)); the decision it asks for must say the same, not ask the
// committee to approve the assessment at that level. A FRIA with such a
// risk says not to put the system into use, and its decision says so too.
func TestReportDecisionAfterAHighResidualRisk(t *testing.T) {
	s := newCLISession(t)
	for q, want := range map[string]string{
		"dpia": "**Decision requested:** consult the supervisory authority before processing starts where the GDPR applies (Article 36), " +
			"or add measures that lower the highest risk after planned measures (critical) and reassess. " +
			"The remediation plan below has 76 open items, the first due on 2026-03-16.", // a finding per question answered worst, dpia 2.13.0 adding automated-special and joint-arrangement-essence to 2.12.0's 74
		"eu-ai-act-fria": "**Decision requested:** agree that this does not go ahead while the highest risk to fundamental rights after planned measures is critical: " +
			"add measures that lower it and reassess. The remediation plan below has",
	} {
		id := s.worstCase(q)
		if q == "eu-ai-act-fria" {
			// The worst answers include a prohibited practice, which is
			// rejected, not weighed (review_forbidden_use_test.go): here
			// the use is lawful and its risks remain.
			path := filepath.Join(t.TempDir(), "lawful.yaml")
			if err := os.WriteFile(path, []byte("answers:\n  prohibited-practice: \"no\"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			s.ok("answer", id, "-f", path)
		}
		md := s.ok("report", id, "--as-of", "2026-03-15")
		head, _, _ := strings.Cut(md, "## Scores")
		flat := strings.Join(strings.Fields(head), " ")
		if strings.Contains(flat, "approve the assessment at") {
			t.Errorf("%s: the report asks to approve an assessment that says not to start:\n%s", q, flat)
		}
		if n := strings.Count(flat, want); n != 2 {
			t.Errorf("%s: the title block and the summary should both read %q; found %d:\n%s", q, want, n, flat)
		}
	}
}

// Whatever sets a high or critical outcome (a knock-out, the gaps, the
// tier), its meaning says what must happen first: do not onboard, stop
// commercial use, do not sign. The decision asked of the committee defers
// to it rather than asking to approve the assessment at that level.
func TestReportDecisionDefersToAHighOutcome(t *testing.T) {
	s := newCLISession(t)
	for q, want := range map[string]string{
		"vendor-security-screen":    "**Decision requested:** agree to what the overall risk level (critical) requires, as the executive summary says, and to the remediation plan below:",
		"third-party-due-diligence": "**Decision requested:** agree to what the residual risk level (critical) requires, as the executive summary says, and to the remediation plan below:",
		"anonymized-dataset":        "**Decision requested:** agree to what the dataset risk level (critical) requires, as the executive summary says, and to the remediation plan below:",
	} {
		id := s.worstCase(q)
		head, _, _ := strings.Cut(s.ok("report", id, "--as-of", "2026-03-15"), "## Scores")
		flat := strings.Join(strings.Fields(head), " ")
		if strings.Contains(flat, "approve the assessment at") {
			t.Errorf("%s: the report asks to approve an assessment whose outcome says not to go ahead:\n%s", q, flat)
		}
		if !strings.Contains(flat, want) {
			t.Errorf("%s: the decision does not read %q:\n%s", q, want, flat)
		}
	}
}
