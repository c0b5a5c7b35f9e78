package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// Every answer a built-in pre-screen carries into an assessment it
// recommends lands on a question that takes it: the question exists, and
// each option carried is one of its options.
func TestBuiltinCarriesLandOnQuestionsThatTakeThem(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	carried := 0
	for _, q := range lib.All() {
		for _, c := range q.Carries {
			carried++
			src, _ := q.Question(c.From)
			target, ok := lib.Get(c.Questionnaire)
			if !ok {
				t.Errorf("%s carries into %s, which is not built in", q.ID, c.Questionnaire)
				continue
			}
			dst, ok := target.Question(c.To)
			if !ok {
				t.Errorf("%s carries %s into %s's question %s, which does not exist", q.ID, c.From, c.Questionnaire, c.To)
				continue
			}
			if c.Values == nil && src.Type != dst.Type {
				t.Errorf("%s carries %s (%s) as it is into %s.%s (%s)", q.ID, c.From, src.Type, c.Questionnaire, c.To, dst.Type)
			}
			values := c.Values
			if values == nil {
				values = map[string]string{}
				for _, o := range src.Options {
					values[o.Value] = o.Value
				}
			}
			for from, to := range values {
				if dst.Option(to) == nil {
					t.Errorf("%s carries %s=%s into %s.%s, which has no option %q", q.ID, c.From, from, c.Questionnaire, c.To, to)
				}
			}
		}
	}
	if carried == 0 {
		t.Fatal("no built-in carries any answer")
	}
}

// Carried takes only what the pre-screen showed and answered, translated;
// an option with no counterpart stays behind.
func TestCarriedAnswers(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	pre, _ := lib.Get("prescreen")
	dpia, _ := lib.Get("dpia")
	a := &assess.Assessment{ID: 7, Questionnaire: pre, Answers: answersOf(t, pre, `
personal-data: "no"
sector: "yes"
automated-decisions: "no"
cross-border: {answer: "yes", note: Support in India, evidence: [Hosting plan]}`)}
	res := assess.Score(pre, a.Answers, assessedOn)
	got := map[string]assess.Answer{}
	for _, ans := range assess.Carried(a, res, dpia) {
		got[ans.QuestionID] = ans
	}
	// sector "yes" names no one sector of the DPIA's: not carried.
	if len(got) != 2 {
		t.Fatalf("carried %v, want transfers and automated-decisions", got)
	}
	if tr := got["transfers"]; tr.Value.Choices[0] != "yes" || tr.Note != "From the pre-screen, assessment #7. Support in India" || tr.Evidence[0] != "Hosting plan" {
		t.Errorf("transfers carried as %+v", tr)
	}
	if ad := got["automated-decisions"]; ad.Value.Choices[0] != "none" {
		t.Errorf("automated-decisions carried as %+v, want none", ad)
	}
}

// A carry into a questionnaire not recommended, from a question that does
// not exist, or of an option the question does not have, is refused
// with its line.
func TestCarriesRefusedWithTheirLine(t *testing.T) {
	src := `id: pre
version: "1"
title: Pre
kind: prescreen
sections:
  - id: s
    title: S
    questions:
      - id: vendor
        type: single
        dimension: none
        text: A vendor?
        options: [{value: "yes", label: "Yes"}, {value: "no", label: "No"}]
recommends:
  - {questionnaire: tpdd, when: "vendor == 'yes'", reason: A vendor.}
carries:
  tpdd:
    uses-vendor: vendor
    other: nothing
    third: {from: vendor, values: {maybe: "yes"}}
  dpia:
    x: vendor
`
	_, problems := questionnaires.Parse("pre.yaml", []byte(src), questionnaires.Catalog())
	want := map[int]string{
		19: `no question "nothing"`,
		20: `question vendor has no option "maybe"`,
		21: `"dpia" is not recommended here`,
	}
	if len(problems) != len(want) {
		t.Fatalf("problems %v, want %d", problems, len(want))
	}
	for _, p := range problems {
		if w, ok := want[p.Line]; !ok || !strings.Contains(p.Message, w) {
			t.Errorf("line %d: %s; want %q", p.Line, p.Message, w)
		}
	}
}
