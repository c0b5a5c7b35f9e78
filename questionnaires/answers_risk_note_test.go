package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// README promises that a note given alone keeps the value; under a risk
// question, risk-other-1: {note: …} was refused with unknown field
// "note". It now records the note and leaves the rating as it is. A
// rating given beside the note rather than under answer: is refused at
// its line and field, saying to put it under answer:.
func TestARisksNoteAloneKeepsItsRating(t *testing.T) {
	q := biGet(t, "dpia")
	f, problems := questionnaires.ParseAnswers("answers.yaml", []byte("answers:\n  risk-other-1: {note: \"Loss of control\", evidence: [Pilot 2025]}\n"), q)
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	if len(f.Answers) != 1 || f.Answers[0].Note != "Loss of control" || f.Answers[0].Value.Risk != nil || f.Given["risk-other-1"].Value {
		t.Errorf("a note alone under a risk: %+v, given %+v", f.Answers, f.Given["risk-other-1"])
	}

	_, problems = questionnaires.ParseAnswers("answers.yaml", []byte("answers:\n  risk-other-1:\n    note: Loss of control\n    likelihood: 3\n    impact: 3\n"), q)
	if len(problems) != 2 {
		t.Fatalf("a rating beside its note: %v", problems)
	}
	for i, want := range []struct {
		line  int
		field string
	}{{4, "answers.risk-other-1.likelihood"}, {5, "answers.risk-other-1.impact"}} {
		p := problems[i]
		if p.File != "answers.yaml" || p.Line != want.line || p.Field != want.field || !strings.Contains(p.Hint, "put the rating under answer:") {
			t.Errorf("problem %d: %+v; want answers.yaml line %d, field %s, and to put the rating under answer:", i, p, want.line, want.field)
		}
	}
}
