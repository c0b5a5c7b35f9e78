package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// Two dimensions whose IDs differ only in case (risk and Risk) loaded,
// though question IDs so written are refused: a question, a level or a
// rule that wrote Risk meaning risk scored in the other without a word,
// and the report showed two scores a reader cannot tell apart by name.
// The second is refused at its id, naming the first.
func TestDimensionIDsDifferingOnlyInCaseAreRefused(t *testing.T) {
	src := header + `dimensions:
  - {id: risk, title: Risk to people, higher: worse}
  - id: Risk
    title: Risk to the organisation
    higher: worse
sections:
  - id: s
    title: S
    questions:
      - {id: a, type: control, text: A?, dimension: risk}
      - {id: b, type: control, text: B?, dimension: Risk}
`
	checkLintCases(t, []lintCase{
		{name: "risk and Risk", yaml: src, line: 7, field: "dimensions[Risk].id",
			message: `dimension id "Risk" differs from dimension id "risk" only in case`, hint: "first defined at line 6"},
	})
	ok := strings.NewReplacer("id: Risk", "id: org-risk", "dimension: Risk", "dimension: org-risk").Replace(src)
	if q, problems := questionnaires.Parse("t.yaml", []byte(ok), questionnaires.Catalog()); q == nil {
		t.Errorf("distinct IDs: %v", problems)
	}
}
