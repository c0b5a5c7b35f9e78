package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// A complete DPIA said "Status: ... complete" on page one and "Questions
// answered: 73 of 75." in the executive summary, without a word on the
// two left: a committee asks what was not answered. They are the two
// optional places for further risks, left unrated as the questionnaire
// asks when there are none. Worked out by hand from the verdict case of
// the relapse-monitoring app: 75 questions shown, 73 answered,
// risk-other-1 and risk-other-2 unanswered and optional.
func TestExecutiveSummarySaysTheQuestionsLeftAreOptional(t *testing.T) {
	q, answers := verdictCase(t, "dpia", "dpia-psychiatric-relapse-monitoring-no-prior-consultation.yaml")
	a := &assess.Assessment{ID: 6, UUID: "u", Subject: "Relapse watch", Questionnaire: q, AssessedOn: govDay("2026-03-01"), Answers: answers}
	opts := report.Options{Today: govDay("2026-03-05")}
	md := oneSpaced(report.Markdown(assess.Evaluate(a, opts.Today), opts))
	if want := "- Questions answered: 73 of 75; the other 2 are optional."; !strings.Contains(md, want) {
		t.Errorf("the executive summary lacks %q in:\n%s", want, md[:strings.Index(md, "## Scores")])
	}
}
