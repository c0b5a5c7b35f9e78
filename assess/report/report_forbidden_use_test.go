package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// A fairness review of a prohibited practice approved before assay
// refused such an approval read "Decision taken: approved", as if the
// approval allowed the system to be used. It still names the approval,
// and says that it does not.
func TestAnApprovedProhibitedPracticeIsNotReadAsAllowed(t *testing.T) {
	a := approvedProhibitedPractice(t)
	opts := report.Options{Today: govDay("2026-03-10")}
	md := strings.Join(strings.Fields(report.Markdown(assess.Evaluate(a, opts.Today), opts)), " ")
	want := "**Decision taken:** approved by Rui on 2026-03-03. This approval does not allow the use: " +
		"the system must not be used (`ai-act-class` was answered “A prohibited practice (Article 5)”): " +
		"a prohibited AI practice may not be placed on the market or used in the EU (AI Act Article 5). No approval can allow that use. " +
		"*Comment:* Business needs it."
	if n := strings.Count(md, want); n != 2 {
		t.Errorf("the title block and the summary say %d times\n%s\nin:\n%s", n, want, md)
	}
}

// This year's report, compared with last year's prohibited practice that
// an older assay approved, introduced it as "assessed 2026-03-01,
// approved.", as if last year's system were allowed: it says, as assay
// diff does, "approved, must not be used", and the review's old side
// ends with the system must not be used. This year's answers class the
// system minimal risk, and it is a draft. Worked by hand.
func TestChangesSinceAProhibitedPracticeSayItMustNotBeUsed(t *testing.T) {
	last := approvedProhibitedPractice(t)
	answers := assess.Answers{"ai-act-class": {QuestionID: "ai-act-class", Value: assess.Value{Choices: []string{"minimal"}}}}
	this := &assess.Assessment{ID: 5, UUID: "v", Subject: last.Subject, Questionnaire: last.Questionnaire, AssessedOn: govDay("2027-03-01"), Answers: answers, Revision: 1}
	opts := report.Options{Today: govDay("2027-03-10")}
	opts.Since = assess.Compare(assess.Evaluate(last, opts.Today), assess.Evaluate(this, opts.Today))
	md := strings.Join(strings.Fields(report.Markdown(assess.Evaluate(this, opts.Today), opts)), " ")
	for _, want := range []string{
		"Compared with assessment 4 of Agent emotion scores: Fairness and algorithmic impact assessment " + last.Questionnaire.Version + ", assessed 2026-03-01, approved, must not be used.",
		`| Review | approved by Rui on 2026-03-03 ("Business needs it"); the system must not be used | draft |`,
	} {
		if !strings.Contains(md, want) {
			_, since, _ := strings.Cut(md, "## Changes since")
			since, _, _ = strings.Cut(since, "| Change |")
			t.Errorf("changes since last year's do not say\n%s\nin:\n%s", want, since)
		}
	}
}

// approvedProhibitedPractice is the verdict case of a practice the EU AI
// Act prohibits, approved by Rui on 2026-03-03 (by an older assay: this
// one refuses the approval).
func approvedProhibitedPractice(t *testing.T) *assess.Assessment {
	t.Helper()
	q, answers := verdictCase(t, "fairness-aia", "fairness-call-centre-agent-emotion-recognition-prohibited.yaml")
	a := &assess.Assessment{ID: 4, UUID: "u", Subject: "Agent emotion scores", Questionnaire: q, AssessedOn: govDay("2026-03-01"),
		Answers: answers, Revision: 1, Status: assess.Approved, SignOffs: []assess.SignOff{
			{Role: assess.RoleAuthor, Name: "Ana", On: govDay("2026-03-02"), Decision: "submitted"},
			{Role: assess.RoleReviewer, Name: "Rui", On: govDay("2026-03-03"), Decision: "approved", Comment: "Business needs it"},
		}}
	return a
}
