package main

import (
	"strings"
	"testing"
)

// executiveSummary is the report's executive summary, up to the next
// section, where the decision asked of the committee is said, with its
// lines joined so that a sentence reads whole wherever it was wrapped.
func executiveSummary(t *testing.T, md string) string {
	t.Helper()
	_, after, ok := strings.Cut(md, "## Executive summary\n")
	if !ok {
		t.Fatalf("no executive summary in:\n%s", md)
	}
	summary, _, _ := strings.Cut(after, "\n## ")
	return strings.Join(strings.Fields(summary), " ")
}

// The executive summary asks the committee for a decision only while one
// is to be taken: once the assessment is approved or rejected, page one
// says who decided what and when, as the sign-off section does, instead
// of asking the committee to approve it again.
func TestReportSummarySaysTheDecisionTaken(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--comment", "Ready", "--date", "2026-03-02")

	inReview := executiveSummary(t, s.ok("report", id))
	if !strings.Contains(inReview, "**Decision requested:** approve the assessment") {
		t.Fatalf("in review, the summary should ask for the approval:\n%s", inReview)
	}

	s.ok("--reviewer", "Rui Reviewer", "review", id, "--approve", "--date", "2026-03-03", "--comment", "Plan agreed")
	approved := executiveSummary(t, s.ok("report", id))
	if strings.Contains(approved, "Decision requested") {
		t.Errorf("an approved assessment's summary still asks for a decision:\n%s", approved)
	}
	if !strings.Contains(approved, "**Decision taken:** approved by Rui Reviewer on 2026-03-03. The remediation plan below has 2 open items") ||
		!strings.Contains(approved, "*Comment:* Plan agreed.") {
		t.Errorf("an approved assessment's summary does not say who approved it and when:\n%s", approved)
	}
	if !strings.Contains(approved, "open items") {
		t.Errorf("an approved assessment's summary no longer says what remediation is outstanding:\n%s", approved)
	}

	other := s.start("vendor-tiering", "Globex", "2026-03-01", tieringAnswers)
	s.ok("--reviewer", "Ana Analyst", "review", other, "--submit", "--date", "2026-03-02")
	s.ok("--reviewer", "Rui Reviewer", "review", other, "--reject", "--date", "2026-03-04", "--comment", "SOC 2 evidence missing")
	rejected := executiveSummary(t, s.ok("report", other))
	if strings.Contains(rejected, "Decision requested") {
		t.Errorf("a rejected assessment's summary still asks for an approval:\n%s", rejected)
	}
	if !strings.Contains(rejected, "**Decision taken:** rejected by Rui Reviewer on 2026-03-04. Nothing is asked of the committee until the assessment is submitted again. *Comment:* SOC 2 evidence missing.") {
		t.Errorf("a rejected assessment's summary does not say who rejected it, when and why:\n%s", rejected)
	}
}

// The title block, which the PDF, DOCX and printed HTML set alone on page
// one, says the level and the decision asked for or taken: a committee
// member who reads only page one learns what it is asked to decide.
func TestReportTitleBlockSaysLevelAndDecision(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	titleBlock := func() string {
		md := s.ok("report", id, "--as-of", "2026-03-05")
		head, _, ok := strings.Cut(md, "## Executive summary")
		if !ok {
			t.Fatalf("no executive summary in:\n%s", md)
		}
		return strings.Join(strings.Fields(head), " ")
	}
	draft := titleBlock()
	for _, want := range []string{
		"**Residual risk:** low",
		"**Decision requested:** approve the assessment at the residual risk level (low) and the remediation plan below: 2 open items, the first due on 2026-05-30.",
	} {
		if !strings.Contains(draft, want) {
			t.Errorf("the title block does not say %q:\n%s", want, draft)
		}
	}
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-02")
	s.ok("--reviewer", "Rui Reviewer", "review", id, "--approve", "--date", "2026-03-03", "--comment", "Plan agreed")
	if approved := titleBlock(); !strings.Contains(approved, "**Decision taken:** approved by Rui Reviewer on 2026-03-03. The remediation plan below has 2 open items, the first due on 2026-05-30. *Comment:* Plan agreed.") {
		t.Errorf("the approved report's title block does not say the decision taken:\n%s", approved)
	}
}

// A rule's line in the report is two sentences, each starting with a
// capital: "…: no. Not applied." read "…: no. not applied." before.
func TestReportRuleEffectIsASentence(t *testing.T) {
	s := newCLISession(t)
	notApplied := s.start("canada-aia-rule", "Benefits triage", "2026-01-10", strings.Replace(aiaAnswers, "bias-testing: yes", "", 1))
	applied := s.start("canada-aia-rule", "Benefits intake", "2026-01-10", aiaAnswers)
	rules := func(id string) string {
		md := s.ok("report", id, "--as-of", "2026-02-01")
		_, after, ok := strings.Cut(md, "### Rules\n")
		if !ok {
			t.Fatalf("no rules in:\n%s", md)
		}
		section, _, _ := strings.Cut(after, "\n## ")
		return strings.Join(strings.Fields(section), " ")
	}
	if got := rules(notApplied); !strings.Contains(got, "at least 80% of 20: no. Not applied.") {
		t.Errorf("the rule that did not apply reads:\n%s", got)
	}
	if got := rules(applied); !strings.Contains(got, ": yes. Applied: ") {
		t.Errorf("the rule that applied reads:\n%s", got)
	}
}
