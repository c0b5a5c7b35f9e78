package main

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// TestWorstAnswersAreConsistent: the worst answers pick, in a multiple
// choice, only the options that make the answer worse or that a condition
// asks about. Before, they ticked every option, so the anonymized
// dataset's techniques claimed aggregation with minimum group sizes and
// aggregation without them at once; the score is the same without the
// harmless half. The answers stay the worst case: every built-in scores
// them at the same points and outcome as with every option ticked. Since
// anonymized-dataset 2.5.0 aggregation with minimum group sizes opens
// secondary-suppression, so it is no longer harmless and the worst
// answers tick it to reach that question (a release may hold tables of
// both kinds); without such a question, ticking both stays a
// contradiction.
func TestWorstAnswersAreConsistent(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, _ := lib.Get("anonymized-dataset")
	techniques, _ := q.Question("techniques")
	got := worstValue(q, techniques)
	asked, _ := askedOptions(q, "techniques")
	if !asked["aggregation"] && strings.Contains(got, `"aggregation"`) && strings.Contains(got, `"aggregation-no-minimum"`) {
		t.Errorf("techniques %s: aggregation with and without minimum group sizes at once", got)
	}
	for _, q := range lib.All() {
		t.Run(q.ID, func(t *testing.T) {
			worst, every := scoreWorst(t, q, worstValue), scoreWorst(t, q, everyOptionValue)
			for i, d := range every.Dimensions {
				if worst.Dimensions[i].Value != d.Value || worst.Dimensions[i].Max != d.Max {
					t.Errorf("%s: %s of %s, with every option ticked %s of %s", d.ID, worst.Dimensions[i].Value, worst.Dimensions[i].Max, d.Value, d.Max)
				}
			}
			if worst.Outcome != nil && worst.Outcome.Level != every.Outcome.Level {
				t.Errorf("outcome %s, with every option ticked %s", worst.Outcome.Level, every.Outcome.Level)
			}
			if len(worst.Findings) != len(every.Findings) {
				t.Errorf("%d findings, with every option ticked %d", len(worst.Findings), len(every.Findings))
			}
		})
	}
}

// everyOptionValue is the old worst value: every option of a multiple
// choice that is not exclusive or not applicable.
func everyOptionValue(q *assess.Questionnaire, qq *assess.Question) string {
	if qq.Type != assess.TypeMulti {
		return worstValue(q, qq)
	}
	var vals []string
	for _, o := range qq.Options {
		if !o.NA && !o.Exclusive {
			vals = append(vals, quote(o.Value))
		}
	}
	return "[" + strings.Join(vals, ", ") + "]"
}

// scoreWorst scores the answers value gives every question.
func scoreWorst(t *testing.T, q *assess.Questionnaire, value func(*assess.Questionnaire, *assess.Question) string) *assess.Result {
	t.Helper()
	var b strings.Builder
	b.WriteString("questionnaire: " + q.ID + "\nanswers:\n")
	for _, qq := range q.Questions {
		v := value(q, qq)
		if strings.Contains(v, "\n") {
			b.WriteString("  " + qq.ID + ":\n    answer:\n" + v)
		} else {
			b.WriteString("  " + qq.ID + ": " + v + "\n")
		}
	}
	f, problems := questionnaires.ParseAnswers("worst.yaml", []byte(b.String()), q)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	answers := assess.Answers{}
	for _, a := range f.Answers {
		answers[a.QuestionID] = a
	}
	return assess.Score(q, answers, assess.NewDate(2026, 1, 31))
}
