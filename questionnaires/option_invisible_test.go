package questionnaires_test

import "testing"

// An option's value could hold a character that shows as nothing (a
// zero-width space, a word joiner, a byte-order mark): options "yes" and
// "yes" plus a zero-width space loaded side by side, looked the same in
// the workspace and the report, and an answer file or condition that
// typed yes reached only the first. Such a value is refused at its line;
// the label may keep what it likes of them.
func TestOptionValueWithAnInvisibleCharacterIsRefused(t *testing.T) {
	q := func(options string) string {
		return header + "sections:\n  - id: s\n    title: S\n    questions:\n      - id: a\n        type: single\n        dimension: none\n        text: A?\n        options: " + options + "\n"
	}
	checkLintCases(t, []lintCase{
		{name: "zero-width space beside the plain value", yaml: q(`["yes\u200b", "yes"]`), line: 13, field: "sections[s].questions[a].options[0]",
			message: "option holds an invisible character (U+200B) at character 4", hint: "put it in the label"},
		{name: "word joiner in a value", yaml: q(`[{value: "no\u2060ne", label: None}, some]`), line: 13, field: "sections[s].questions[a].options[0].value",
			message: "value holds an invisible character (U+2060) at character 3"},
		{name: "byte-order mark", yaml: q(`["\ufeffyes", "no"]`), line: 13, field: "sections[s].questions[a].options[0]",
			message: "option holds an invisible character (U+FEFF) at character 1"},
	})
}
