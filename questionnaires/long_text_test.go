package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

const longTextBase = `id: t
version: "1"
title: TITLE
kind: security
description: DESCRIPTION
sections:
  - id: s
    title: SECTION
    help: SECHELP
    questions:
      - id: mfa
        type: single
        text: TEXT
        help: QHELP
        action: ACTION
        options:
          - {value: yes, label: LABEL, points: 0}
          - {value: no, points: 1}
`

// A 50,000-character section title loaded without a word and filled the
// question pane. Each text has a length past which lint warns (what the
// workspace and reports show well: a title on a line or two, a question
// in a few lines), and above the limit on any free text (20,000 bytes) it
// is refused, at its line and field.
func TestLongTextIsWarnedOfThenRefused(t *testing.T) {
	fill := map[string]string{"TITLE": "T", "DESCRIPTION": "D", "SECTION": "S", "SECHELP": "H", "TEXT": "Q?", "QHELP": "H", "ACTION": "Do.", "LABEL": "Yes"}
	for _, tc := range []struct {
		key, field   string
		line, warnAt int
	}{
		{"TITLE", "title", 3, 120},
		{"DESCRIPTION", "description", 5, 10000},
		{"SECTION", "sections[s].title", 8, 80},
		{"SECHELP", "sections[s].help", 9, 4000},
		{"TEXT", "sections[s].questions[mfa].text", 13, 500},
		{"QHELP", "sections[s].questions[mfa].help", 14, 4000},
		{"ACTION", "sections[s].questions[mfa].action", 15, 1000},
		{"LABEL", "sections[s].questions[mfa].options[0].label", 17, 200},
	} {
		for _, n := range []int{tc.warnAt, tc.warnAt + 1, 20001} {
			src := longTextBase
			for k, v := range fill {
				if k == tc.key {
					v = strings.Repeat("a", n)
				}
				src = strings.Replace(src, k, v, 1)
			}
			_, problems, warnings := questionnaires.Lint("t.yaml", []byte(src), questionnaires.Catalog())
			all := append(problems, warnings...)
			switch {
			case n == tc.warnAt && len(all) > 0:
				t.Errorf("%s of %d characters: %v", tc.field, n, all)
			case n == tc.warnAt:
			case len(all) != 1 || all[0].Field != tc.field || all[0].Line != tc.line || !strings.Contains(all[0].Message, "characters"):
				t.Errorf("%s of %d characters: want one problem or warning at line %d, got %v", tc.field, n, tc.line, all)
			case n > 20000 && len(problems) != 1, n <= 20000 && len(warnings) != 1:
				t.Errorf("%s of %d characters: problems %v, warnings %v", tc.field, n, problems, warnings)
			}
		}
	}
}
