package questionnaires_test

import (
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// consistencyFile asks whether a model was tested for bias and whether
// its intersectional groups were, and holds one check: a yes to the
// first beside a not-measured to the second cannot both be true.
const consistencyFile = header + `sections:
  - id: s
    title: S
    questions:
      - id: bias
        type: single
        dimension: none
        text: Was the model tested for bias across groups?
        options: [yes, no]
      - id: intersectional
        type: single
        dimension: none
        text: Were intersectional groups tested?
        options: [measured, not-measured]
      - id: note
        type: text
        optional: true
        text: Anything else?
consistency:
  - id: bias-without-intersections
    when: bias == 'yes' and intersectional == 'not-measured'
    questions: [bias, intersectional]
    message: Bias testing that leaves out intersectional groups is not the testing the first answer claims.
`

// A check lists a disagreement when its condition holds, with its words
// and each answer it concerns, and changes nothing else: the same answers
// score the same with and without the check. An answer on a hidden or
// unanswered question disagrees with nothing.
func TestConsistencyCheckListsTheDisagreement(t *testing.T) {
	q, problems := questionnaires.Parse("t.yaml", []byte(consistencyFile), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	choose := func(bias, inter string) assess.Answers {
		a := assess.Answers{}
		if bias != "" {
			a["bias"] = assess.Answer{Value: assess.Value{Choices: []string{bias}}}
		}
		if inter != "" {
			a["intersectional"] = assess.Answer{Value: assess.Value{Choices: []string{inter}}}
		}
		return a
	}
	for _, c := range []struct {
		bias, inter string
		want        []assess.Disagreement
	}{
		{"yes", "not-measured", []assess.Disagreement{{ID: "bias-without-intersections",
			Message: "Bias testing that leaves out intersectional groups is not the testing the first answer claims.",
			Answers: []assess.DisagreeingAnswer{{Question: "bias", Answer: "yes"}, {Question: "intersectional", Answer: "not-measured"}}}}},
		{"yes", "measured", nil},
		{"no", "not-measured", nil},
		{"yes", "", nil},
		{"", "not-measured", nil},
	} {
		res := assess.Score(q, choose(c.bias, c.inter), biAssessedOn)
		if !reflect.DeepEqual(res.Disagreements, c.want) {
			t.Errorf("bias %q, intersectional %q: disagreements %+v, want %+v", c.bias, c.inter, res.Disagreements, c.want)
		}
		without := *q
		without.Consistency = nil
		plain := assess.Score(&without, choose(c.bias, c.inter), biAssessedOn)
		res.Disagreements = nil
		if !reflect.DeepEqual(res, plain) {
			t.Errorf("bias %q, intersectional %q: the check changed the result beyond its disagreements", c.bias, c.inter)
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

// Each mistake in consistency is refused at its line and field, and
// nothing loads.
func TestConsistencyMistakes(t *testing.T) {
	file := func(entries string) string {
		return header + "sections: [{id: s, title: S, questions: [" +
			"{id: bias, type: single, dimension: none, text: B, options: [yes, no]}, " +
			"{id: inter, type: single, dimension: none, text: I, options: [measured, not-measured]}, " +
			"{id: groups, type: multi, dimension: none, text: G, options: [age, sex]}]}]\n" +
			"consistency:\n" + entries
	}
	const ok = "    when: bias == 'yes' and inter == 'not-measured'\n    questions: [bias, inter]\n    message: M.\n"
	checkLintCases(t, []lintCase{
		{name: "an unknown question in the condition", yaml: file("  - id: c\n    when: bais == 'yes' and inter == 'not-measured'\n    questions: [bias, inter]\n    message: M.\n"),
			line: 8, field: "consistency[c].when", message: "unknown question bais", hint: "bias"},
		{name: "an option the question lacks", yaml: file("  - id: c\n    when: bias == 'yes' and inter == 'unmeasured'\n    questions: [bias, inter]\n    message: M.\n"),
			line: 8, field: "consistency[c].when", message: "inter can never be 'unmeasured'"},
		{name: "an unknown question in questions", yaml: file("  - id: c\n    when: bias == 'yes' and inter == 'not-measured'\n    questions: [bias, intre]\n    message: M.\n"),
			line: 9, field: "consistency[c].questions[1]", message: `no question "intre"`, hint: "inter"},
		{name: "no message", yaml: file("  - id: c\n    when: bias == 'yes' and inter == 'not-measured'\n    questions: [bias, inter]\n"),
			line: 7, field: "consistency[c].message", message: "message is required"},
		{name: "a blank message", yaml: file("  - id: c\n    when: bias == 'yes' and inter == 'not-measured'\n    questions: [bias, inter]\n    message: '  '\n"),
			line: 10, field: "consistency[c].message", message: "message is required, and is blank"},
		{name: "a duplicate id", yaml: file("  - id: c\n" + ok + "  - id: c\n" + ok),
			line: 11, field: "consistency[c].id", message: `duplicate consistency check id "c"`, hint: "first defined at line 7"},
		{name: "one question named", yaml: file("  - id: c\n    when: bias == 'yes' and inter == 'not-measured'\n    questions: [bias]\n    message: M.\n"),
			line: 9, field: "consistency[c].questions", message: "a consistency check concerns at least two questions", wantProblems: 2},
		{name: "a condition on one question", yaml: file("  - id: c\n    when: bias == 'yes'\n    questions: [bias, inter]\n    message: M.\n"),
			line: 8, field: "consistency[c].when", message: "the condition reads only bias, so it cannot find two answers that disagree"},
		{name: "a question the condition reads and questions leaves out", yaml: file("  - id: c\n    when: bias == 'yes' and groups contains 'age'\n    questions: [bias, inter]\n    message: M.\n"),
			line: 9, field: "consistency[c].questions", message: "the condition reads groups, which questions does not name"},
		{name: "a condition that can never hold", yaml: file("  - id: c\n    when: bias == 'yes' and bias == 'no' and inter == 'measured'\n    questions: [bias, inter]\n    message: M.\n"),
			line: 8, field: "consistency[c].when", message: "can never hold, whatever the answers"},
		{name: "no condition", yaml: file("  - id: c\n    questions: [bias, inter]\n    message: M.\n"),
			line: 7, field: "consistency[c].when", message: "when is required"},
		{name: "an empty list", yaml: header + "sections: [{id: s, title: S, questions: [{id: bias, type: single, dimension: none, text: B, options: [yes, no]}]}]\nconsistency: []\n",
			line: 6, field: "consistency", message: "consistency is an empty list"},
	})
}
