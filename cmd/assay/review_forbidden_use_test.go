package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A fairness review of a practice the EU AI Act prohibits was approved,
// and its report read "Decision taken: approved". No committee approves
// a prohibited practice: the approval is refused, saying why and what to
// do instead, the rejection records the committee's decision, and the
// report says, before and after it, that the system must not be used.
func TestApprovalOfAProhibitedPracticeCLI(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "fairness-aia", "-s", "Agent emotion scores", "--date", "2026-03-01"))
	s.ok("answer", id, "-f", filepath.Join("..", "..", "questionnaires", "testdata", "verdicts", "fairness-call-centre-agent-emotion-recognition-prohibited.yaml"))
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--comment", "For the committee", "--date", "2026-03-02")

	why := `the system must not be used (ai-act-class was answered "A prohibited practice (Article 5)"): ` +
		`a prohibited AI practice may not be placed on the market or used in the EU (AI Act Article 5)`
	reportWhy := "the system must not be used (`ai-act-class` was answered “A prohibited practice (Article 5)”): " +
		"a prohibited AI practice may not be placed on the market or used in the EU (AI Act Article 5). No approval can allow that use."
	md := strings.Join(strings.Fields(s.ok("report", id, "--as-of", "2026-03-02")), " ")
	if want := "**Decision requested:** reject the assessment, recording that " + reportWhy; !strings.Contains(md, want) {
		t.Errorf("the report in review does not ask %q:\n%s", want, md)
	}
	if strings.Contains(md, "agree to what the impact level (prohibited) requires") {
		t.Errorf("the report in review still asks the committee to agree to the level:\n%s", md)
	}

	code, out, errOut := s.run("", "--reviewer", "Rui Reviewer", "review", id, "--approve", "--comment", "The business needs it", "--date", "2026-03-03")
	want := "cannot approve assessment 1: " + why + "; no approval can allow that use. " +
		"Record the committee's decision by rejecting it with the reason the system must not be used, " +
		"or, once the system no longer does this, correct the answer to ai-act-class and submit it again; nothing was recorded " +
		`(assay review 1 --reject --comment "The system must not be used: …")`
	if code == 0 || out != "" || !strings.Contains(errOut, want) {
		t.Fatalf("approve: exit %d, stdout %q, stderr %q; want a refusal saying %q", code, out, errOut, want)
	}

	out = s.ok("--reviewer", "Rui Reviewer", "review", id, "--reject", "--comment", "Emotion recognition at work: the system must not be used", "--date", "2026-03-03")
	if want := "Assessment 1 is now rejected: rejected by Rui Reviewer on 2026-03-03.\n"; out != want {
		t.Errorf("reject: %q, want %q", out, want)
	}
	md = strings.Join(strings.Fields(s.ok("report", id, "--as-of", "2026-03-03")), " ")
	if want := "**Decision taken:** rejected by Rui Reviewer on 2026-03-03. " +
		"The committee decided that " + reportWhy + " *Comment:* Emotion recognition at work: the system must not be used"; !strings.Contains(md, want) {
		t.Errorf("the report once rejected does not say %q:\n%s", want, md)
	}
	if strings.Contains(md, "Nothing is asked of the committee until the assessment is submitted again") {
		t.Errorf("the rejected prohibited practice's report asks for a resubmission:\n%s", md)
	}
}
