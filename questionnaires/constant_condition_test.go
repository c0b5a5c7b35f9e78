package questionnaires_test

import (
	"strings"
	"testing"
)

// constantFile asks what a system decides, then whether its accuracy is
// measured, under a condition CONDITION put where FIELD says.
const constantFile = header + `sections:
  - id: s
    title: S
    questions:
      - id: area
        type: single
        dimension: none
        text: What does the system decide?
        options: [content, credit]
      - id: accuracy
        type: control
        severity: high
        text: Is accuracy measured against agreed targets?
        action: Measure accuracy against agreed targets.
        FIELD
`

// A condition that reads no answer, or whose answers never change its
// outcome, loaded: when: "true" asked the question always, "false" never
// (so a question in the file was silently never asked), and a
// severity_when of "true" gave every finding its other severity while
// the file read as if it depended on the system. A condition decides
// from answers; one whose outcome no answer changes is refused at its
// line and field, as one that can never hold already was ("false" was
// let through as written so on purpose: a question never asked belongs
// out of the file). "1 == 1" is refused by the grammar, which wants a
// question on the left.
func TestConditionNoAnswerChangesIsRefused(t *testing.T) {
	const q = "sections[s].questions[accuracy]"
	file := func(field string) string { return strings.Replace(constantFile, "FIELD", field, 1) }
	checkLintCases(t, []lintCase{
		{name: "when true", yaml: file(`when: "true"`),
			line: 19, field: q + ".when", message: "condition: true reads no answer, so it always holds", hint: "compare an earlier answer"},
		{name: "when false", yaml: file(`when: "false"`),
			line: 19, field: q + ".when", message: "condition: false reads no answer, so it never holds"},
		{name: "when not false", yaml: file(`when: "not (false)"`),
			line: 19, field: q + ".when", message: "condition: not (false) reads no answer, so it always holds"},
		{name: "required_when true", yaml: file(`required_when: "true"`),
			line: 19, field: q + ".required_when", message: "condition: true reads no answer, so it always holds"},
		{name: "severity_when true", yaml: file(`severity_when: {when: "true", severity: medium, reason: R}`),
			line: 19, field: q + ".severity_when.when", message: "condition: true reads no answer, so it always holds"},
		{name: "an answer or true", yaml: file(`when: "area == 'content' or true"`),
			line: 19, field: q + ".when", message: "condition: area == 'content' or true holds whatever the answers, so it decides nothing"},
		{name: "answered or not", yaml: file(`when: "answered(area) or not answered(area)"`),
			line: 19, field: q + ".when", message: "holds whatever the answers, so it decides nothing"},
		{name: "an answer and false", yaml: file(`when: "area == 'content' and false"`),
			line: 19, field: q + ".when", message: "can never hold, whatever the answers"},
		{name: "one equals one", yaml: file(`when: "1 == 1"`),
			line: 19, field: q + ".when", message: `condition: expected a question id, answered(...), count(...) or "(", found "1"`},
		{name: "section when true", yaml: strings.Replace(file(""), "    title: S\n", "    title: S\n    when: \"true\"\n", 1),
			line: 8, field: "sections[s].when", message: "condition: true reads no answer, so it always holds"},
	})
}
