package main

import (
	"strings"
	"testing"
)

// A committee member comparing last year's fairness review with this
// year's (assay diff) read this year's as "rejected", like any rework to
// submit again, though its answers describe a practice the EU AI Act
// prohibits: nothing said the system must not be used, which assay list
// says. Worked by hand: 1, assessed 2025-03-01, a draft whose only answer
// classes the system minimal risk; 2, this year's (prohibitedAnswers),
// submitted on 2026-03-02 and rejected by Rui Reviewer on 2026-03-03.
// The sides say each status as the list does, and the review line says
// it after the rejection.
func TestDiffSaysAProhibitedPracticeMustNotBeUsed(t *testing.T) {
	s := newCLISession(t)
	last := strings.TrimSpace(s.ok("new", "-q", "fairness-aia", "-s", "Agent emotion scores", "--date", "2025-03-01"))
	s.ok("answer", last, "-f", s.answerFile("questionnaire: fairness-aia\nanswers:\n  ai-act-class:\n    answer: minimal\n"))
	this := strings.TrimSpace(s.ok("new", "-q", "fairness-aia", "-s", "Agent emotion scores", "--date", "2026-03-01"))
	s.ok("answer", this, "-f", prohibitedAnswers)
	s.ok("--reviewer", "Ana Analyst", "review", this, "--submit", "--date", "2026-03-02")
	s.ok("--reviewer", "Rui Reviewer", "review", this, "--reject", "--comment", "Article 5", "--date", "2026-03-03")

	out := s.ok("diff", last, this, "--as-of", "2026-03-10")
	lines := strings.Split(out, "\n")
	if to := lines[1]; !strings.HasPrefix(to, "To   assessment 2: Agent emotion scores, fairness-aia ") || !strings.HasSuffix(to, ", 2026-03-01, rejected, must not be used") {
		t.Errorf("this year's side does not say the system must not be used: %q", to)
	}
	if from := lines[0]; strings.Contains(from, "must not") || !strings.HasSuffix(from, ", 2025-03-01, draft") {
		t.Errorf("last year's, minimal risk, is a plain draft: %q", from)
	}
	for _, want := range []string{
		"\nReview: draft -> rejected by Rui Reviewer on 2026-03-03 (\"Article 5\"); the system must not be used\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("assay diff does not say %q:\n%s", want, out)
		}
	}
}
