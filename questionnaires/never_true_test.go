package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

const neverTrueBase = `id: t
version: "1"
title: T
kind: privacy
dimensions:
  - {id: risk, higher: worse}
sections:
  - id: s
    title: S
    questions:
      - {id: admins, type: single, text: A, dimension: none, options: [few, some, many]}
      - {id: data, type: multi, text: D, dimension: none, options: [health, contact, none]}
      - {id: rating, type: scale, text: R, dimension: none, scale: {from: 1, to: 3}}
      - {id: records, type: number, text: N, dimension: none}
      - {id: later, type: control, text: L, when: "WHEN"}
`

// A condition whose comparisons can each hold but never all together, as
// admins == 'few' and admins == 'many', loaded without a word, and the
// question it guards was never asked. Each comparison was checked on its
// own; the whole condition is now tried on every answer the questions it
// reads can have (with none, and hidden), when they are few enough to try.
func TestConditionThatCanNeverHoldIsRefused(t *testing.T) {
	for when, never := range map[string]bool{
		"admins == 'few' and admins == 'many'":                true,
		"admins == 'few' and not (admins == 'few')":           true,
		"admins in ['few', 'some'] and admins == 'many'":      true,
		"rating > 2 and rating < 3":                           true,
		"answered(admins) and not answered(admins)":           true,
		"data contains 'none' and not (data contains 'none')": true,
		"admins == 'few' or admins == 'many'":                 false,
		"admins != 'few' and admins != 'many'":                false,
		"data contains 'health' and data contains 'contact'":  false,
		"rating >= 2 and rating < 3":                          false,
		"not answered(admins)":                                false,
		"records > 10 and records < 5":                        true,
	} {
		src := strings.Replace(neverTrueBase, "WHEN", when, 1)
		_, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
		refused := len(problems) == 1 && problems[0].Field == "sections[s].questions[later].when" && strings.Contains(problems[0].Message, "can never hold")
		if refused != never || !never && len(problems) > 0 {
			t.Errorf("when: %s\nproblems: %v\nwant refused %v", when, problems, never)
		}
	}
}
