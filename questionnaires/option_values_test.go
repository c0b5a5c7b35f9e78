package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

const optionsQuestionnaire = `id: t
version: "1"
title: T
kind: privacy
sections:
  - id: s
    title: S
    questions:
      - id: q
        type: single
        text: Q
        options:
          - {value: a, label: A, points: 0}
          - {value: b, label: B, points: 1, floor: {level: overall, at_least: high, reason: Why}}
levels:
  - id: overall
    dimension: risk
    bands:
      - {level: low, upto: 50%}
      - {level: high, over: 50%}
`

// An option's value is what an answers file, a vendor's file and a
// condition give back: one blank, with spaces around it or with an escape
// sequence loaded, and the vendor's file then listed choices no one could
// type ("One of: (A); (B)" for values "" and "  "; "a" for "a\e[31m",
// which assay then refused). A knock-out's reason given blank, and a
// blank label, loaded as well, and the committee read nothing.
func TestOptionValuesAndReasonsAreNotBlank(t *testing.T) {
	for _, c := range []struct {
		old, new string
		field    string
		says     string
	}{
		{"value: a,", `value: "",`, "sections[s].questions[q].options[0].value", "is required, and is blank"},
		{"value: a,", `value: "  ",`, "sections[s].questions[q].options[0].value", "is required, and is blank"},
		{"value: a,", `value: " a",`, "sections[s].questions[q].options[0].value", "spaces around it"},
		{"value: a,", `value: "a\e[31m",`, "sections[s].questions[q].options[0].value", "escape sequence"},
		{"value: a,", `value: "a\nb",`, "sections[s].questions[q].options[0].value", "line break"},
		{"reason: Why", `reason: "  "`, "sections[s].questions[q].options[1].floor.reason", "is required, and is blank"},
	} {
		t.Run(c.new, func(t *testing.T) {
			src := strings.Replace(optionsQuestionnaire, c.old, c.new, 1)
			if src == optionsQuestionnaire {
				t.Fatalf("%q is not in the questionnaire", c.old)
			}
			_, problems := questionnaires.Parse("odd.yaml", []byte(src), questionnaires.Catalog())
			if len(problems) != 1 || problems[0].Field != c.field || !strings.Contains(problems[0].Message, c.says) {
				t.Errorf("problems:\n%v\nwant one at %s saying %q", problems, c.field, c.says)
			}
			if _, err := questionnaires.Decode("snapshot", []byte(src)); err != nil {
				t.Errorf("a stored snapshot with it no longer decodes: %v", err)
			}
		})
	}
	// A label left blank is one left out: the option shows its value.
	q, problems := questionnaires.Parse("t.yaml", []byte(strings.Replace(optionsQuestionnaire, "label: A", `label: "  "`, 1)), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	question, _ := q.Question("q")
	if got := question.Option("a").Label; got != "a" {
		t.Errorf("a blank label shows %q, want the value", got)
	}
}
