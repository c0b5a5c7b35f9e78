package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// The appendix gave each question's "Points", without saying of what: in
// a questionnaire whose dimension counts gaps (higher is worse), an answer
// met read "Points: 0 of 2" and a gap "Points: 2 of 2", which a committee
// reads the wrong way round, and a fairness assessment's mitigation read
// the other way. The points are now named by their dimension, as the
// Scores tables name it. Worked out by hand: vendor-security-screen,
// whose dimension risk is titled "Control risk" (higher is worse); policy
// answered no (its 2 of 2 points, as the appendix gave them before), and
// security-training answered yes (0 of its 2 points).
func TestAppendixNamesTheDimensionOfAQuestionsPoints(t *testing.T) {
	q := builtin(t, "vendor-security-screen")
	no, yes := assess.Value{Choices: []string{"no"}}, assess.Value{Choices: []string{"yes"}}
	a := &assess.Assessment{ID: 2, UUID: "u", Subject: "ListCo", Questionnaire: q, AssessedOn: govDay("2026-11-01"), Answers: assess.Answers{
		"mfa": {QuestionID: "mfa", Value: no}, "policy": {QuestionID: "policy", Value: no}, "security-training": {QuestionID: "security-training", Value: yes},
	}}
	opts := report.Options{Today: govDay("2026-11-05")}
	md := oneSpaced(report.Markdown(assess.Evaluate(a, opts.Today), opts))
	appendix := md[strings.Index(md, "## Appendix"):]
	for _, want := range []string{
		"**Status:** gap. **Control risk:** 2 of 2.",
		"`security-training` ",
	} {
		if !strings.Contains(appendix, want) {
			t.Errorf("the appendix lacks %q in:\n%s", want, appendix)
		}
	}
	tr := appendix[strings.Index(appendix, "`security-training` "):]
	tr = tr[:strings.Index(tr[1:], ". `")+1]
	if !strings.Contains(tr, "**Status:** met. **Control risk:** 0 of ") {
		t.Errorf("security-training, met, does not say it counts 0 points of control risk: %s", tr)
	}
	if strings.Contains(appendix, "**Points:**") {
		t.Errorf("the appendix still gives points without saying of what:\n%s", appendix)
	}
}
