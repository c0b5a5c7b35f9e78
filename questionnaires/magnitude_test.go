package questionnaires_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// Points, weights and scale steps are exact numbers held in 64 bits, so a
// dimension can hold only so many points. Before, a multiple-choice
// question of ten options worth 999999999999 points each loaded, and a
// subject that ticked all ten scored "-8446744073719.551616 of
// 999999999999 (-844.7%)", level low: the sum wrapped round. A question or
// a dimension whose points could reach past the limit is now refused at
// the question, saying so.
func TestPointsADimensionCannotHoldAreRefused(t *testing.T) {
	many := func(n int, points string) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "          - {value: o%d, points: %s}\n", i, points)
		}
		return b.String()
	}
	cases := []struct {
		name, questions string
		line            int
		field           string
	}{
		{"options that add up past the limit", `      - id: m
        type: multi
        text: Pick
        options:
` + many(10, "999999999999"), 9, "sections[s].questions[m]"},
		{"a weight times the points", `      - {id: c, type: control, text: C, weight: 999999999999}
`, 9, "sections[s].questions[c]"},
		{"a scale whose steps are its points", `      - {id: sc, type: scale, text: S, scale: {from: 9000000000000000, to: 9000000000000005}}
`, 9, "sections[s].questions[sc]"},
		{"questions that add up past the limit", strings.Repeat(`      - {id: cQ, type: control, text: C, weight: 400000000}
`, 3), 10, "sections[s].questions[c1]"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			qs := c.questions
			for i := 0; strings.Contains(qs, "cQ"); i++ {
				qs = strings.Replace(qs, "cQ", fmt.Sprintf("c%d", i), 1)
			}
			src := header + `sections:
  - id: s
    title: S
    questions:
` + qs
			_, problems := questionnaires.Parse("big.yaml", []byte(src), questionnaires.Catalog())
			found := false
			for _, p := range problems {
				if p.Line == c.line && p.Field == c.field && strings.Contains(p.Message, "at most 1000000000") {
					found = true
				}
			}
			if !found {
				t.Errorf("problems:\n%v\nwant one at line %d, %s, naming the limit of 1000000000 points", problems, c.line, c.field)
			}
		})
	}
}

// The limit leaves real questionnaires alone: a dimension of exactly the
// limit loads and scores its worst answers at the limit.
func TestPointsUpToTheLimitLoad(t *testing.T) {
	src := header + `sections:
  - id: s
    title: S
    questions:
      - {id: a, type: control, text: A, weight: 250000000}
      - {id: b, type: control, text: B, weight: 250000000}
`
	q, problems := questionnaires.Parse("ok.yaml", []byte(src), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	if got := q.FullMaximum("risk").String(); got != "1000000000" {
		t.Errorf("full maximum %s, want 1000000000", got)
	}
}

// An assessment stored before the limit keeps opening: its questionnaire
// was accepted when it was stored, and refusing its snapshot now would
// stop every list of the portfolio, not only that assessment.
func TestStoredSnapshotsPastTheLimitStillDecode(t *testing.T) {
	src := header + `sections:
  - id: s
    title: S
    questions:
      - {id: c, type: control, text: C, weight: 999999999999}
`
	if _, problems := questionnaires.Parse("new.yaml", []byte(src), questionnaires.Catalog()); len(problems) == 0 {
		t.Fatal("a new file past the limit loaded")
	}
	if _, err := questionnaires.Decode("snapshot", []byte(src)); err != nil {
		t.Errorf("the stored snapshot no longer decodes: %v", err)
	}
}

// Rules are held to the same limit, since they change a dimension's value:
// before, ten rules adding 999999999999 each took a 2-point risk past
// what 64 bits hold, and it came out as -8446744073717.551616, level low.
func TestRulesThatTakeADimensionPastTheLimitAreRefused(t *testing.T) {
	base := header + `sections: [{id: s, title: S, questions: [{id: c, type: control, text: C}]}]
rules:
`
	for _, c := range []struct {
		name, rules string
		line        int
		field       string
	}{
		{"adds that add up", strings.Repeat("  - {id: rN, adjust: risk, add: 400000000}\n", 3), 9, "rules[r2].add"},
		{"a large set", "  - {id: r0, adjust: risk, set: -999999999999}\n", 7, "rules[r0].set"},
		{"factors that multiply up", strings.Repeat("  - {id: rN, adjust: risk, multiply: 1000}\n", 4), 9, "rules[r2].multiply"},
		{"a conditional add", "  - {id: r0, if: {dimension: risk, at_least: 50%}, adjust: risk, add: 999999999999}\n", 7, "rules[r0].add"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rules := c.rules
			for i := 0; strings.Contains(rules, "rN"); i++ {
				rules = strings.Replace(rules, "rN", fmt.Sprintf("r%d", i), 1)
			}
			_, problems := questionnaires.Parse("rules.yaml", []byte(base+rules), questionnaires.Catalog())
			found := false
			for _, p := range problems {
				if p.Line == c.line && p.Field == c.field && strings.Contains(p.Message, "at most 1000000000") {
					found = true
				}
			}
			if !found {
				t.Errorf("problems:\n%v\nwant one at line %d, %s, naming the limit", problems, c.line, c.field)
			}
		})
	}
	// Rules that keep within it load: a cap after a large factor, say.
	ok := base + "  - {id: r0, adjust: risk, multiply: 1000}\n  - {id: r1, adjust: risk, cap: 100}\n  - {id: r2, adjust: risk, multiply: 1000}\n"
	if _, problems := questionnaires.Parse("ok.yaml", []byte(ok), questionnaires.Catalog()); len(problems) > 0 {
		t.Errorf("rules within the limit refused: %v", problems)
	}
}
