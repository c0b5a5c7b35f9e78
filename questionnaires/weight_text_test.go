package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// A weight that is not a number assay takes gets one problem, which says
// what is wrong with it. Before, "weight: 1e30" was also told "weight must
// be greater than zero", and "99999999999999999999999", a whole number, was
// told it had too many decimal places.
func TestAWeightThatIsNotTakenGetsOneTrueProblem(t *testing.T) {
	for _, c := range []struct{ weight, want string }{
		{"1e30", `expected a number with at most 3 decimal places, found "1e30"`},
		{"heavy", `expected a number with at most 3 decimal places, found "heavy"`},
		{"0.0001", `expected a number with at most 3 decimal places, found "0.0001"`},
		{"99999999999999999999999", `"99999999999999999999999" is too large (at most 12 digits before the decimal point)`},
	} {
		t.Run(c.weight, func(t *testing.T) {
			src := header + "sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, weight: " + c.weight + "}]}]\n"
			_, problems := questionnaires.Parse("w.yaml", []byte(src), questionnaires.Catalog())
			if len(problems) != 1 || !strings.Contains(problems[0].Message, c.want) {
				t.Errorf("problems:\n%v\nwant exactly one saying %s", problems, c.want)
			}
		})
	}
}
