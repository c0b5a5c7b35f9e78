package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

const neverTrueOpenBase = `id: t
version: "1"
title: T
kind: privacy
dimensions:
  - {id: risk, higher: worse}
sections:
  - id: s
    title: S
    questions:
      - {id: records, type: number, text: N, dimension: none}
      - {id: score, type: number, text: S, dimension: none, min: 0, max: 5}
      - {id: people, type: number, text: P, dimension: none, whole: true}
      - {id: since, type: date, text: D, dimension: none}
      - {id: note, type: text, text: T, dimension: none, optional: true}
      - {id: later, type: control, text: L, when: "WHEN"}
`

// Conditions on number, date and text questions were tried one
// comparison at a time: records > 5 and records < 3 loaded, and the
// question it guards was never asked. Their answers are not few, but the
// values that matter are: each number or date a condition names, the
// values on either side of it, and, for text, each literal and one other.
func TestConditionOnOpenAnswersThatCanNeverHoldIsRefused(t *testing.T) {
	for when, never := range map[string]bool{
		"records > 5 and records < 3":                                             true,
		"records > 5 and records < 5.000001":                                      true,
		"records >= 5 and records <= 5":                                           false,
		"records > 5 and records < 5.000002":                                      false,
		"records == 1 and records == 2":                                           true,
		"records > 5 or records < 3":                                              false,
		"not (records > 5) and not (records <= 5)":                                false, // while records is unanswered
		"answered(records) and not (records > 5) and not (records <= 5)":          true,
		"not answered(records) and records > 0":                                   true,
		"score > 4 and score < 6":                                                 false,
		"score > 4.5 and score != 5 and score < 4.6":                              false,
		"people > 3 and people < 4":                                               true,
		"people > 3.5 and people < 4.5":                                           false,
		"people >= 3 and people <= 3":                                             false,
		"since > '2026-01-01' and since < '2025-01-01'":                           true,
		"since > '2026-01-01' and since < '2026-01-02'":                           true,
		"since > '2026-01-01' and since < '2026-01-03'":                           false,
		"since >= '2026-01-01' and since <= '2026-01-01'":                         false,
		"since > '9999-12-31'":                                                    true,
		"since < '0000-01-01'":                                                    true,
		"since != '2026-01-01'":                                                   false,
		"note == 'yes' and note == 'no'":                                          true,
		"note == 'yes' and note != 'yes'":                                         true,
		"note != 'yes' and note != 'no'":                                          false,
		"note in ['a', 'b'] and note != 'a'":                                      false,
		"note in ['a', 'b'] and note != 'a' and note != 'b'":                      true,
		"answered(note) and not answered(note)":                                   true,
		"records > 5 and answered(note) and note == 'x' and since > '2020-01-01'": false,
	} {
		src := strings.Replace(neverTrueOpenBase, "WHEN", when, 1)
		_, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
		refused := len(problems) == 1 && problems[0].Field == "sections[s].questions[later].when" && strings.Contains(problems[0].Message, "never")
		if refused != never || !never && len(problems) > 0 {
			t.Errorf("when: %s\nproblems: %v\nwant refused %v", when, problems, never)
		}
	}
}

// A text answer is never empty (an empty one is no answer), so a
// condition that the text equal the empty string could never hold.
func TestTextComparisonNoAnswerCanMatchIsRefused(t *testing.T) {
	for when, never := range map[string]bool{
		"note == ''":        true,
		"note in ['', 'x']": true,
		"note != ''":        false,
	} {
		src := strings.Replace(neverTrueOpenBase, "WHEN", when, 1)
		_, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
		refused := len(problems) == 1 && problems[0].Field == "sections[s].questions[later].when" && strings.Contains(problems[0].Message, "never")
		if refused != never || !never && len(problems) > 0 {
			t.Errorf("when: %s\nproblems: %v\nwant refused %v", when, problems, never)
		}
	}
}
