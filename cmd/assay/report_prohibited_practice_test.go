package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A fairness review of a practice the EU AI Act prohibits (emotion
// recognition of call-centre agents, Article 5(1)(f)) whose finding the
// business had accepted as a risk: the report asked the committee to
// "approve the assessment at the impact level (IV)", beside it. No
// acceptance makes a prohibited practice lawful to use; the report must
// say it may not be used and ask the committee to record that decision,
// which is a rejection: no approval allows the use (review_forbidden_use_test.go).
//
// Worked out by hand (the answers file's header gives the scores): the
// impact level is "prohibited", set by the knock-out on ai-act-class,
// whose finding is accepted in the plan: the acceptance changes neither
// the level nor the decision asked, which asks for no plan.
func TestReportOfAProhibitedPracticeAcceptedAsARiskSaysItMayNotBeUsed(t *testing.T) {
	onDay(t, "2026-11-10")
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "fairness-aia", "-s", "Agent emotion analytics", "--date", "2026-11-02"))
	s.ok("answer", id, "-f", filepath.Join("..", "..", "questionnaires", "testdata", "verdicts",
		"fairness-call-centre-agent-emotion-recognition-prohibited.yaml"))
	s.ok("plan", id, "--item", "ai-act-class", "--accept-approver", "Head of Operations",
		"--accept-reason", "Coaching benefit outweighs the risk", "--accept-expires", "2027-05-31")

	report := strings.Join(strings.Fields(s.ok("report", id, "--as-of", "2026-11-10")), " ")
	for _, want := range []string{
		"**Impact level:** prohibited",
		"**Decision requested:** reject the assessment, recording that the system must not be used " +
			"(`ai-act-class` was answered “A prohibited practice (Article 5)”): a prohibited AI practice may not be placed " +
			"on the market or used in the EU (AI Act Article 5). No approval can allow that use.",
		"whatever the impact score and the safeguards, the system must not be used, " +
			"and accepting the risk does not change that.",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report does not say %q:\n%s", want, report)
		}
	}
	if strings.Contains(report, "approve the assessment") {
		t.Errorf("the report asks the committee to approve a prohibited practice:\n%s", report)
	}
}
