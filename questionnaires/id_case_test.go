package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// Two questions whose IDs differ only in case (mfa in one section, MFA in
// another) loaded: a condition or an answer file that wrote MFA meaning
// mfa bound to the other question without a word, and the findings, the
// plan and the report named two questions a reader cannot tell apart. A
// user catalog already refuses control IDs that differ only in case, and
// a question's options likewise; a question's ID is now refused the same
// way, at its line, naming the first.
func TestQuestionIDsDifferingOnlyInCaseAreRefused(t *testing.T) {
	src := header + `sections:
  - id: s
    title: S
    questions:
      - {id: mfa, type: control, text: Is MFA enforced for staff?}
  - id: t
    title: T
    questions:
      - {id: MFA, type: control, text: Is MFA enforced for administrators?}
`
	checkLintCases(t, []lintCase{
		{name: "mfa and MFA", yaml: src, line: 13, field: "sections[t].questions[MFA].id",
			message: `question id "MFA" differs from question id "mfa" only in case`, hint: "first defined at line 9"},
	})
	ok := strings.Replace(src, "id: MFA", "id: mfa-admins", 1)
	if q, problems := questionnaires.Parse("t.yaml", []byte(ok), questionnaires.Catalog()); q == nil {
		t.Errorf("distinct IDs: %v", problems)
	}
}
