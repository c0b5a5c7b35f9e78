package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
	"github.com/assay-dev/assay/questionnaires"
)

// Two answers that disagree and that nobody has explained stop the
// submission (and an approval), yet page one asked the committee to
// approve: it decided on answers that cannot both be true, and assay
// would refuse the step it asked for. The decision asked now settles them
// first; once someone explains why both stand, it asks as before.
func TestDecisionAsksToSettleUnexplainedDisagreements(t *testing.T) {
	page := titleBlock(t, disagreeReport(t, "yes", "none"))
	want := "- **Decision requested:** first settle the disagreement between answers that nobody has explained (listed before the appendix): change an answer, or record why both stand; then approve the assessment"
	if !strings.Contains(page, want) {
		t.Errorf("want\n%s\nin:\n%s", want, page)
	}
	if page := titleBlock(t, disagreeReport(t, "yes", "age and sex")); strings.Contains(page, "settle") {
		t.Errorf("answers that agree are to be settled:\n%s", page)
	}
	explained := explainedAssessment(t, "The vendor tested no groups; we did.")
	opts := report.Options{Today: govDay("2026-12-05")}
	if page := titleBlock(t, report.Markdown(assess.Evaluate(explained, opts.Today), opts)); strings.Contains(page, "settle") {
		t.Errorf("a disagreement explained is still to be settled:\n%s", page)
	}
}

// An incomplete assessment asks for no decision yet: the disagreement to
// settle joins the questions to answer, after the interim result.
func TestInterimResultAlsoAsksToSettleDisagreements(t *testing.T) {
	file := strings.Replace(disagreeFile, "consistency:", `      - id: owner
        type: text
        text: Who owns the model?
consistency:`, 1)
	q, problems := questionnaires.Parse("t.yaml", []byte(file), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	a := &assess.Assessment{ID: 3, UUID: "u", Subject: "Model", Questionnaire: q, AssessedOn: govDay("2026-12-05"), Answers: assess.Answers{
		"bias":          {QuestionID: "bias", Value: assess.Value{Choices: []string{"yes"}}},
		"groups-tested": {QuestionID: "groups-tested", Value: assess.Value{Text: "none"}},
	}}
	opts := report.Options{Today: govDay("2026-12-05")}
	page := titleBlock(t, report.Markdown(assess.Evaluate(a, opts.Today), opts))
	want := "- **Decision requested:** note this interim result. 1 required question is unanswered; the assessment must be completed before a final decision. " +
		"Settle too the disagreement between answers that nobody has explained (listed before the appendix): change an answer, or record why both stand."
	if !strings.Contains(page, want) {
		t.Errorf("want\n%s\nin:\n%s", want, page)
	}
}
