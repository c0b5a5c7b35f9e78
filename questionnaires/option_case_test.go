package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// Answer files give an option by its value or its label, in any case,
// since vendors copy what they read. Options Yes and yes, or two options
// labelled Same and same, loaded, and a vendor's "yes" was taken for
// whichever came first. Each is refused at the second option.
func TestOptionsAnswerFilesCannotTellApartAreRefused(t *testing.T) {
	const base = "id: p\nversion: \"1\"\ntitle: P\nkind: security\nsections:\n  - id: s\n    title: S\n    questions:\n      - {id: a, type: single, text: A, dimension: none, options: OPTIONS}\n"
	for options, refused := range map[string]bool{
		"[Yes, yes]": true,
		"[{value: x, label: Same}, {value: y, label: same}]": true,
		"[{value: x, label: Y}, {value: y}]":                 true,
		"[{value: yes, label: Yes}, {value: no, label: No}]": false,
		"[{value: x, label: X}, {value: y, label: Y}]":       false,
	} {
		src := strings.Replace(base, "OPTIONS", options, 1)
		_, problems := questionnaires.Parse("p.yaml", []byte(src), questionnaires.Catalog())
		got := len(problems) == 1 && problems[0].Line == 9 && strings.Contains(problems[0].Field, "options[1]") && strings.Contains(problems[0].Message, "any case")
		if got != refused || !refused && len(problems) > 0 {
			t.Errorf("%s: %v; want refused %v", options, problems, refused)
		}
	}
}
