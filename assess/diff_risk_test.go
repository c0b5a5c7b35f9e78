package assess_test

import (
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A revision that changes only a risk's planned measures, or the plan
// items that carry them out, was told as "answer: X -> X": the risk's
// rating reads the same, and the measures and plan items were never
// compared. Each is now a field of its own, its sides cleaned as the
// note's are (measures are typed text).
func TestRiskMeasuresAndPlanItemsAreToldAsChanges(t *testing.T) {
	q := diffQuestionnaire(t, "risk-register.yaml")
	risk := func(measures string, plan ...string) assess.Answer {
		return assess.Answer{QuestionID: "reidentification", Value: assess.Value{Risk: &assess.RiskRating{
			Likelihood: 3, Impact: 3, AfterLikelihood: 2, AfterImpact: 2, Measures: measures, PlanItems: plan}}}
	}
	today := diffDay("2026-03-10")
	compare := func(old, now assess.Answer) *assess.Diff {
		from := &assess.Assessment{ID: 1, Questionnaire: q, AssessedOn: diffDay("2026-03-01"), Answers: answersOf(old)}
		to := &assess.Assessment{ID: 2, Questionnaire: q, AssessedOn: diffDay("2026-03-01"), Answers: answersOf(now)}
		return assess.Compare(assess.Evaluate(from, today), assess.Evaluate(to, today))
	}

	d := compare(risk("Works council consulted", "reidentification", "function-creep"), risk("Nothing any more\x1b[31m\nred", "function-creep"))
	if len(d.Answers) != 1 {
		t.Fatalf("answers: %+v", d.Answers)
	}
	want := []assess.ItemFieldChange{
		{Field: "measures", Old: "Works council consulted", New: "Nothing any more red"},
		{Field: "plan items", Old: "reidentification; function-creep", New: "function-creep"},
	}
	if got := d.Answers[0].Fields(); !reflect.DeepEqual(got, want) {
		t.Errorf("fields:\n got %+v\nwant %+v", got, want)
	}

	// Measures saved again with other spaces have not changed.
	if d := compare(risk("Works council  consulted"), risk("Works council\nconsulted ")); len(d.Answers) != 0 {
		t.Errorf("spaces in the measures told as a change: %+v", d.Answers)
	}

	// The rating and the measures both moved: both are told, the
	// rating by the answer as people read it (worked out from the matrix:
	// likely x major is high, possible x moderate medium; rare x moderate low).
	now := risk("Works council consulted")
	now.Value.Risk.AfterLikelihood = 1
	d = compare(risk(""), now)
	want = []assess.ItemFieldChange{
		{Field: "answer", Old: "likelihood likely, impact major (high); after measures: likelihood possible, impact moderate (medium)",
			New: "likelihood likely, impact major (high); after measures: likelihood rare, impact moderate (low)"},
		{Field: "measures", Old: "(none)", New: "Works council consulted"},
	}
	if len(d.Answers) != 1 {
		t.Fatalf("answers: %+v", d.Answers)
	}
	if got := d.Answers[0].Fields(); !reflect.DeepEqual(got, want) {
		t.Errorf("fields:\n got %+v\nwant %+v", got, want)
	}
}
