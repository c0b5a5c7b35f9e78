package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// One mistake is one problem: a deadline or a raise's by written as a
// word was reported as not a whole number and then, read as 0, as out of
// range; a raise without if as missing its if and then as a condition
// with no comparator. Two problems for one mistake send the author
// looking for a second one.
func TestOneMistakeOneProblem(t *testing.T) {
	for _, c := range []struct{ add, field, says string }{
		{"deadlines: {low: x}\n", "deadlines.low", `expected a whole number, found "x"`},
		{"severity_raises:\n  - {title: T, if: {dimension: risk, above: 1}, by: one}\n", "severity_raises[0].by", `expected a whole number, found "one"`},
		{"severity_raises:\n  - {title: T, by: 1}\n", "severity_raises[0].if", "if is required"},
	} {
		src := strings.Replace(smallestQuestionnaire, "sections:\n", c.add+"sections:\n", 1)
		_, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
		if len(problems) != 1 || problems[0].Field != c.field || !strings.Contains(problems[0].Message, c.says) {
			t.Errorf("%s: %v\nwant one problem at %s saying %s", strings.TrimSpace(c.add), problems, c.field, c.says)
		}
	}
}
