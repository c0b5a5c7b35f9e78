package testfixture

import (
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// comparedNoneFile holds one consistency check, compared-none: a bias
// test said to compare groups beside an answer that none was compared.
const comparedNoneFile = `id: checked
version: "1"
title: Checked
kind: fairness
sections:
  - id: s
    title: S
    questions:
      - id: bias
        type: single
        dimension: none
        text: Were groups compared?
        options: ["yes", "no"]
      - id: groups
        type: single
        dimension: none
        text: How many groups were compared?
        options: [none, some]
consistency:
  - id: compared-none
    when: bias == 'yes' and groups == 'none'
    questions: [bias, groups]
    message: Groups compared, yet none named
`

// ComparedNone is a questionnaire of two questions and one consistency
// check, compared-none, which holds when bias is "yes" and groups
// "none": the answers that disagree the explanation tests of the domain
// and of the store build on.
func ComparedNone(t testing.TB) *assess.Questionnaire {
	t.Helper()
	q, problems := questionnaires.Parse("checked.yaml", []byte(comparedNoneFile), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	return q
}

// ComparedNoneSource is ComparedNone's file, for a test that loads it as
// a user's questionnaire.
func ComparedNoneSource() string { return comparedNoneFile }
