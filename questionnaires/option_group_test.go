package questionnaires_test

import (
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/questionnaires"
)

// optionGroupFile is WP248's criteria in small: employees and children
// are one criterion, vulnerable people, worth a point whichever are
// ticked; scoring is another.
const optionGroupFile = header + `dimensions:
  - {id: criteria, title: C, higher: worse, percent_of: full}
sections:
  - id: s
    title: S
    questions:
      - id: criteria
        type: multi
        dimension: criteria
        text: Which criteria?
        options:
          - {value: scoring, label: Scoring, points: 1, gap: none}
          - {value: employees, label: Employees, points: 1, gap: none, group: vulnerable-people}
          - {value: children, label: Children, points: 1, gap: none, group: vulnerable-people}
          - {value: patients, label: Patients, points: 1, gap: none, group: vulnerable-people}
          - {value: none, label: None, points: 0, gap: none, exclusive: true}
`

// Options of a group count once, and the question's maximum counts the
// group once: worked out by hand, scoring 1 + the group 1 = 2.
func TestOptionGroupCountsOnce(t *testing.T) {
	q, problems := questionnaires.Parse("t.yaml", []byte(optionGroupFile), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	c, _ := q.Question("criteria")
	if lo, hi := c.PointRange(); lo != decimal.FromInt(0) || hi != decimal.FromInt(2) {
		t.Errorf("points range %s to %s, want 0 (none) to 2 (scoring and the group once)", lo, hi)
	}
	for _, tc := range []struct {
		choices []string
		value   string
		why     string
	}{
		{[]string{"employees"}, "1 of 2", "1 point × weight 1"},
		{[]string{"employees", "children"}, "1 of 2", "1 point × weight 1; employees and children count once together, as vulnerable-people"},
		{[]string{"employees", "children", "patients"}, "1 of 2",
			"1 point × weight 1; employees, children and patients count once together, as vulnerable-people"},
		{[]string{"scoring", "children", "patients"}, "2 of 2",
			"2 points × weight 1; children and patients count once together, as vulnerable-people"},
		{[]string{"scoring"}, "1 of 2", "1 point × weight 1"},
		{[]string{"none"}, "0 of 2", "0 points × weight 1"},
	} {
		res := assess.Score(q, assess.Answers{"criteria": {Value: assess.Value{Choices: tc.choices}}}, biAssessedOn)
		d := res.Dimension("criteria")
		if got := d.Value.String() + " of " + d.Max.String(); got != tc.value {
			t.Errorf("%v: criteria %s, want %s", tc.choices, got, tc.value)
		}
		if qr, _ := res.Question("criteria"); qr.Why != tc.why {
			t.Errorf("%v: explained %q, want %q", tc.choices, qr.Why, tc.why)
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

// A group where no two options can be ticked together, or named once,
// says nothing and is refused at its line.
func TestOptionGroupMistakes(t *testing.T) {
	question := func(typ, options string) string {
		return header + "sections: [{id: s, title: S, questions: [{id: n, type: " + typ + ", dimension: none, text: N, options: [" + options + "]}]}]\n"
	}
	checkLintCases(t, []lintCase{
		{name: "on a single choice", yaml: question("single", "{value: a, group: g}, {value: b, group: g}"),
			line: 5, field: "sections[s].questions[n].options[0].group", message: "group applies only to multiple-choice questions", wantProblems: 2},
		{name: "on an exclusive option", yaml: question("multi", "{value: a, group: g}, {value: b, group: g}, {value: none, exclusive: true, group: g}"),
			line: 5, field: "sections[s].questions[n].options[2].group", message: "an exclusive option is never ticked with another"},
		{name: "on a not-applicable option", yaml: question("multi", "{value: a, group: g}, {value: b, group: g}, {value: na, na: true, group: g}"),
			line: 5, field: "sections[s].questions[n].options[2].group", message: "a not-applicable option takes the question out of the score"},
		{name: "named once", yaml: question("multi", "{value: a, group: g}, {value: b, group: h}, {value: c, group: h}"),
			line: 5, field: "sections[s].questions[n].options[0].group", message: `group "g" is named by this option only`},
		{name: "not an identifier", yaml: question("multi", "{value: a, group: 'two words'}, {value: b, group: 'two words'}"),
			line: 5, field: "sections[s].questions[n].options[0].group", message: `"two words" is not a valid id`, wantProblems: 2},
	})
}
