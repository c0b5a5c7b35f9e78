package tui

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// Compare told a revision that changed only a risk's planned measures and
// its plan items as "answer X → X". It now tells each field that moved,
// the measures cleaned of escape sequences, and the longer label "plan
// items" keeps a space before its change.
func TestCompareTellsARisksMeasuresAndPlanItems(t *testing.T) {
	q, problems, err := questionnaires.ParseFile(filepath.Join("..", "questionnaires", "testdata", "risk-register.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	risk := func(measures string, plan ...string) assess.Answers {
		return assess.Answers{"reidentification": {QuestionID: "reidentification", Value: assess.Value{Risk: &assess.RiskRating{
			Likelihood: 3, Impact: 3, AfterLikelihood: 2, AfterImpact: 2, Measures: measures, PlanItems: plan}}}}
	}
	day := assess.NewDate(2026, 3, 1)
	from := &assess.Assessment{ID: 1, Subject: "Loyalty", Questionnaire: q, AssessedOn: day, Answers: risk("Works council consulted", "reidentification")}
	to := &assess.Assessment{ID: 2, Subject: "Loyalty", Questionnaire: q, AssessedOn: day, Answers: risk("Nothing \x1b[31many more")}
	d := assess.Compare(assess.Evaluate(from, day), assess.Evaluate(to, day))
	text := ansi.Strip(diffText(newStyles(true), d, 100))
	for _, want := range []string{
		"      measures  Works council consulted → Nothing any more\n",
		"      plan items reidentification → (none)\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("Compare lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "      answer ") || strings.Contains(text, "\x1b") {
		t.Errorf("Compare tells an unchanged rating, or an escape sequence:\n%q", text)
	}
}
