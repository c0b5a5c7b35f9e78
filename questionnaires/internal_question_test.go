package questionnaires_test

import (
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// internal: marks a question we answer about the counterparty, never sent
// to them; it is true or false, and the compiled form keeps it.
func TestInternalQuestionField(t *testing.T) {
	checkLintCases(t, []lintCase{{
		name: "internal given as a string",
		yaml: header + `sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, internal: "yes"}]}]
`,
		line: 5, field: "sections[s].questions[q].internal", message: "expected true or false",
	}})

	src := header + `sections:
  - id: s
    title: S
    questions:
      - {id: ours, type: control, text: Ours, internal: true}
      - {id: theirs, type: control, text: Theirs}
`
	q, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	back, err := questionnaires.RoundTrip(q)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		id   string
		want bool
	}{{"ours", true}, {"theirs", false}} {
		parsed, _ := q.Question(c.id)
		compiled, _ := back.Question(c.id)
		if parsed.Internal != c.want || compiled.Internal != c.want {
			t.Errorf("%s: internal parsed %v, compiled %v; want %v", c.id, parsed.Internal, compiled.Internal, c.want)
		}
	}
}
