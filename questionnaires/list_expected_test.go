package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// A mapping (or text) where a list belongs was two problems for one
// mistake: options: {a: 1} was "expected a list, found a mapping" and
// then "a single question needs at least 2 options" (a control
// question's, three more: no option yes, partial, no), and the same for
// sections and a section's questions. The author went looking for a
// second mistake. Now it is one problem, at the value's line, that says
// a list of what is expected and how one is written.
func TestAMappingWhereAListBelongsIsOneProblem(t *testing.T) {
	question := func(typ, options string) string {
		return header + "sections:\n  - id: s\n    title: S\n    questions:\n      - id: a\n        type: " + typ +
			"\n        dimension: none\n        text: A?\n" + options
	}
	checkLintCases(t, []lintCase{
		{name: "single options as a mapping", yaml: question("single", "        options: {a: 1}\n"),
			line: 13, field: "sections[s].questions[a].options", message: "expected a list of options, found a mapping", hint: "- {value:"},
		{name: "options as a mapping on lines of its own", yaml: question("multi", "        options:\n          a: 1\n          b: 2\n"),
			line: 14, field: "sections[s].questions[a].options", message: "expected a list of options, found a mapping"},
		{name: "control options as a mapping", yaml: question("control", "        options: {yes: 0, partial: 1, no: 2}\n"),
			line: 13, field: "sections[s].questions[a].options", message: "expected a list of options, found a mapping"},
		{name: "options as text", yaml: question("single", "        options: yes\n"),
			line: 13, field: "sections[s].questions[a].options", message: "expected a list of options, found text"},
		{name: "sections as a mapping", yaml: header + "sections: {s: {title: S}}\n",
			line: 5, field: "sections", message: "expected a list of sections, found a mapping", hint: "- id:"},
		{name: "questions as a mapping", yaml: header + "sections:\n  - id: s\n    title: S\n    questions: {a: 1}\n",
			line: 8, field: "sections[s].questions", message: "expected a list of questions, found a mapping", hint: "- id:"},
	})
}

// A catalog's controls written as a mapping was also two problems.
func TestCatalogControlsAsAMappingIsOneProblem(t *testing.T) {
	src := "catalog: mine\ntitle: My controls\ncontrols:\n  ac-1: Policy\n"
	c, problems := questionnaires.ParseCatalog("mine.yaml", []byte(src))
	if c != nil || len(problems) != 1 || problems[0].Field != "controls" || problems[0].Line != 4 ||
		!strings.Contains(problems[0].Message, "expected a list of controls, found a mapping") {
		t.Errorf("got catalog %v, problems %v; want one at line 4, controls, saying a list of controls is expected", c != nil, problems)
	}
}
