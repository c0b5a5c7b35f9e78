package questionnaires_test

import (
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/questionnaires"
)

// maxPointsFile is a multiple-choice question whose options add up to 6,
// capped at 4: a new option can join the list without raising the
// question's maximum, and so without moving every existing answer's
// share of the dimension.
const maxPointsFile = header + `dimensions:
  - {id: exposure, title: E, higher: worse, percent_of: full}
sections:
  - id: s
    title: S
    questions:
      - id: groups
        type: multi
        dimension: exposure
        max_points: 4
        text: Which groups?
        options:
          - {value: a, label: A, points: 1, gap: none}
          - {value: b, label: B, points: 2, gap: none}
          - {value: c, label: C, points: 2, gap: none}
          - {value: d, label: D, points: 1, gap: none}
`

// max_points caps what a multiple-choice answer counts and the
// question's maximum alike, and a compiled form keeps it.
func TestMultiMaxPointsCapsAnswerAndMaximum(t *testing.T) {
	q, problems := questionnaires.Parse("t.yaml", []byte(maxPointsFile), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	g, _ := q.Question("groups")
	if _, hi := g.PointRange(); hi != decimal.FromInt(4) {
		t.Errorf("maximum %s, want 4, the cap, not 6, the sum", hi)
	}
	for _, c := range []struct {
		choices []string
		want    string
	}{
		{[]string{"a"}, "1 of 4"},
		{[]string{"b", "c"}, "4 of 4"},
		{[]string{"a", "b", "c", "d"}, "4 of 4"},
	} {
		res := assess.Score(q, assess.Answers{"groups": {Value: assess.Value{Choices: c.choices}}}, biAssessedOn)
		d := res.Dimension("exposure")
		if got := d.Value.String() + " of " + d.Max.String(); got != c.want {
			t.Errorf("%v: exposure %s, want %s", c.choices, got, c.want)
		}
	}
	back, err := questionnaires.RoundTrip(q)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, q) {
		t.Error("the compiled form reads back different")
	}
}

// A cap on anything but a multiple-choice question, one that is not
// positive, and one no answer reaches beyond (it caps nothing) are
// refused at their line.
func TestMultiMaxPointsMistakes(t *testing.T) {
	multi := func(maxPoints string) string {
		return header + "sections: [{id: s, title: S, questions: [{id: n, type: multi, dimension: none, text: N, max_points: " + maxPoints +
			", options: [{value: a, points: 1}, {value: b, points: 2}]}]}]\n"
	}
	checkLintCases(t, []lintCase{
		{name: "on a single choice", yaml: header + "sections: [{id: s, title: S, questions: [{id: n, type: single, dimension: none, text: N, max_points: 1, options: [{value: a, points: 0}, {value: b, points: 2}]}]}]\n",
			line: 5, field: "sections[s].questions[n].max_points", message: "max_points does not apply to a single question"},
		{name: "zero", yaml: multi("0"),
			line: 5, field: "sections[s].questions[n].max_points", message: "max_points must be greater than zero"},
		{name: "at the sum", yaml: multi("3"),
			line: 5, field: "sections[s].questions[n].max_points", message: "max_points 3 caps nothing: the options add up to 3 at most", hint: "remove max_points, or give a number below 3"},
	})
}
