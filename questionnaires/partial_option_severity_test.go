package questionnaires_test

import (
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// A partial gap on an option with a severity of its own is one step below
// the option's severity, not the question's: the finding's explanation
// said "one step below the question's high" for a question whose own
// severity is low, claiming a derivation that never happened, and a
// committee checking it against the questionnaire found a low there.
const partialOptionSeverityFile = header + `sections:
  - id: s
    title: S
    questions:
      - id: breach-notice
        type: single
        dimension: none
        severity: low
        text: How soon does the vendor tell us of a breach?
        action: Agree a notice period of 24 hours.
        options:
          - {value: within-24h, gap: none}
          - {value: within-72h, gap: partial}
          - {value: undefined, gap: partial, severity: high}
          - {value: never, gap: full, severity: critical}
`

// Worked by hand, for each answer:
//
//	within-72h: partial, no option severity: one step below the question's low, never below low: low
//	undefined:  partial, the option's high: one step below the answer's high: medium
//	never:      full, the option's critical: critical, nothing to explain
func TestPartialGapNamesWhoseSeverityItIsBelow(t *testing.T) {
	q, problems := questionnaires.Parse("t.yaml", []byte(partialOptionSeverityFile), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, c := range []struct {
		answer, want string
		why          []string
	}{
		{"within-72h", "breach-notice:low", []string{"partial gap: one step below the question's low"}},
		{"undefined", "breach-notice:medium", []string{"partial gap: one step below the answer's high"}},
		{"never", "breach-notice:critical", nil},
	} {
		res := assess.Score(q, assess.Answers{"breach-notice": {Value: assess.Value{Choices: []string{c.answer}}}}, biAssessedOn)
		if got := findingsOf(res); got != c.want {
			t.Errorf("%s: findings %s, want %s", c.answer, got, c.want)
			continue
		}
		if got := res.Findings[0].SeverityWhy; !reflect.DeepEqual(got, c.why) {
			t.Errorf("%s: severity because %q, want %q", c.answer, got, c.why)
		}
	}
}
