package questionnaires_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// lintCase is a questionnaire with one mistake and the problem expected:
// the line, the field path and words from the message and the hint.
type lintCase struct {
	name         string
	yaml         string
	line         int
	field        string
	message      string
	hint         string
	wantProblems int // 0 means exactly one
}

// header is a valid start of a file; every case adds to it.
const header = `id: t
version: "1"
title: T
kind: privacy
`

func TestLoaderReportsEachMistake(t *testing.T) {
	cases := []lintCase{
		{
			name: "bands listed high to low",
			yaml: header + `levels:
  - id: overall
    dimension: risk
    bands:
      - {level: high, over: 50%, upto: 100%}
      - {level: low, from: 0%, upto: 50%}
sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]
`,
			line: 10, field: "levels[overall].bands[1]", message: `band "low" comes after band "high" but covers lower scores`, hint: "lowest scores to the highest",
			wantProblems: 3, // and high leaves gaps below and above it
		},
		{
			name: "an empty band",
			yaml: header + `levels:
  - id: overall
    dimension: risk
    bands:
      - {level: low, upto: 25%}
      - {level: mid, over: 25%, below: 25%}
      - {level: high, from: 25%}
sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]
`,
			line: 10, field: "levels[overall].bands[1]", message: `band "mid" is empty`,
		},
		{
			name: "an unbounded band in the middle",
			yaml: header + `levels:
  - id: overall
    dimension: risk
    bands:
      - {level: low, upto: 25%}
      - {level: mid, over: 25%}
      - {level: high, over: 50%}
sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]
`,
			line: 10, field: "levels[overall].bands[1]", message: "only the last band may leave out its upper bound",
		},
		{
			name: "a gap at exactly one score",
			yaml: header + `levels:
  - id: overall
    dimension: risk
    bands:
      - {level: low, below: 10}
      - {level: high, over: 10}
sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]
`,
			line: 10, field: "levels[overall].bands[1]", message: "gap: a score of exactly 10 has no level", hint: "use from: 10",
		},
		{
			name: "bands mixing points and percentages",
			yaml: header + `levels:
  - id: overall
    dimension: risk
    bands:
      - {level: low, upto: 10}
      - {level: high, over: 50%}
sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]
`,
			line: 10, field: "levels[overall].bands[1]", message: "bands mix points and percentages",
		},
		{
			name: "a misspelt outcome",
			yaml: header + `levels: [{id: overall, dimension: risk, bands: [{level: low}]}]
outcome: overal
sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]
`,
			line: 6, field: "outcome", message: `unknown level "overal"`, hint: `did you mean "overall"?`,
		},
		{
			name: "a matrix naming a later level",
			yaml: header + `levels:
  - {id: a, dimension: risk, bands: [{level: x}]}
  - id: m
    scale: [p, q]
    matrix: {rows: a, columns: b, cells: [[p]]}
  - {id: b, dimension: risk, bands: [{level: y}]}
sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]
`,
			line: 9, field: "levels[m].matrix.columns", message: `level "b" is defined below this one`, hint: "only levels defined above it",
		},
		{
			name: "a matrix cell off the scale",
			yaml: header + `levels:
  - {id: a, dimension: risk, bands: [{level: x, upto: 50%}, {level: y, over: 50%}]}
  - id: m
    scale: [low, high]
    matrix: {rows: a, columns: a, cells: [[low, high], [high, hihg]]}
sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]
`,
			line: 9, field: "levels[m].matrix.cells[1][1]", message: `"hihg" is not in the scale`, hint: `did you mean "high"?`,
		},
		{
			name: "a risk level whose scale misses a matrix level",
			yaml: header + `risk_matrix:
  likelihood: [low, medium, high]
  impact: [low, medium, high]
  cells: [[low, low, medium], [low, medium, high], [medium, high, critical]]
levels: [{id: r, scale: [low, medium, high], from_risks: after}]
sections: [{id: s, title: S, questions: [{id: q, type: risk, text: Q, action: A}]}]
`,
			line: 9, field: "levels[r].from_risks", message: "the risk matrix can give critical, which is not in the scale",
		},
		{
			name: "count beyond the options",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - {id: m, type: multi, dimension: none, text: M, options: [a, b, {value: none, exclusive: true}]}
      - {id: q, type: control, text: Q, when: "count(m) >= 3"}
`,
			line: 10, field: "sections[s].questions[q].when", message: "count(m) >= 3 can never be true", hint: "chooses 1 to 2 options",
		},
		{
			name: "a scale compared beyond its range",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - {id: n, type: scale, dimension: none, text: N, scale: {from: 1, to: 5}}
      - {id: q, type: control, text: Q, when: "n > 5"}
`,
			line: 10, field: "sections[s].questions[q].when", message: "n > 5 can never be true", hint: "the scale runs from 1 to 5",
		},
		{
			name: "free text compared with a number",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - {id: name, type: text, text: Name}
      - {id: q, type: control, text: Q, when: "name == 3"}
`,
			line: 10, field: "sections[s].questions[q].when", message: "never equals the number 3", hint: "quote the value",
		},
		{
			name: "a multiple-choice answer compared with ==",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - {id: m, type: multi, dimension: none, text: M, options: [a, b]}
      - {id: q, type: control, text: Q, when: "m == 'a'"}
`,
			line: 10, field: "sections[s].questions[q].when", message: "a multiple-choice answer is tested with contains", hint: "m contains 'value'",
		},
		{
			name: "required_when beside optional",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - {id: m, type: multi, dimension: none, text: M, options: [a, b]}
      - {id: q, type: control, text: Q, optional: true, required_when: "m contains 'a'"}
`,
			line: 10, field: "sections[s].questions[q].optional", message: "optional and required_when: give one", hint: "remove optional",
		},
		{
			name: "required_when on a question asked later",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - {id: q, type: control, text: Q, required_when: "m contains 'a'"}
      - {id: m, type: multi, dimension: none, text: M, options: [a, b]}
`,
			line: 9, field: "sections[s].questions[q].required_when", message: "m is not asked before this point",
		},
		{
			name: "required_when tests a multiple-choice answer with ==",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - {id: m, type: multi, dimension: none, text: M, options: [a, b]}
      - {id: q, type: control, text: Q, required_when: "m == 'a'"}
`,
			line: 10, field: "sections[s].questions[q].required_when", message: "a multiple-choice answer is tested with contains", hint: "m contains 'value'",
		},
		{
			name: "a section condition on its own question",
			yaml: header + `sections:
  - id: s
    title: S
    when: "q == 'yes'"
    questions: [{id: q, type: control, text: Q}]
`,
			line: 8, field: "sections[s].when", message: "q is not asked before this point",
		},
		{
			name: "a date compared with a number",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - {id: d, type: date, text: D}
      - {id: q, type: control, text: Q, when: "d < 2026"}
`,
			line: 10, field: "sections[s].questions[q].when", message: "compare it with a quoted date",
		},
		{
			name: "a condition that does not parse",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - {id: a, type: control, text: A}
      - {id: q, type: control, text: Q, when: "a = 'yes'"}
`,
			line: 10, field: "sections[s].questions[q].when", message: "use == or !=", hint: "docs/questionnaire-format.md",
		},
		{
			name: "allow_na beside the question's own options",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - id: q
        type: control
        text: Q
        allow_na: false
        options: [{value: yes, points: 0}, {value: partial, points: 1}, {value: no, points: 2}]
`,
			line: 12, field: "sections[s].questions[q].allow_na", message: "allow_na applies only to the standard options",
		},
		{
			name: "a control question missing a standard option",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - {id: q, type: control, text: Q, options: [{value: yes, points: 0}, {value: no, points: 2}]}
`,
			line: 9, field: "sections[s].questions[q].options", message: `needs the option "partial"`, hint: "type: single",
		},
		{
			name: "a question that can make a finding without an action",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - {id: q, type: control, text: Q, severity: high}
`,
			line: 9, field: "sections[s].questions[q]", message: "can make a finding but has no action",
		},
		{
			name: "a field of another type",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - {id: q, type: control, text: Q, unit: days}
`,
			line: 9, field: "sections[s].questions[q].unit", message: "unit does not apply to a control question",
		},
		{
			name: "a duplicate option",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - {id: q, type: single, dimension: none, text: Q, options: [a, b, a]}
`,
			line: 9, field: "sections[s].questions[q].options[2]", message: `duplicate option value "a"`,
		},
		{
			name: "a duplicate dimension",
			yaml: header + `dimensions: [{id: risk, higher: worse}, {id: risk, higher: better}]
sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]
`,
			line: 5, field: "dimensions[risk]", message: `duplicate dimension id "risk"`,
		},
		{
			name: "a number band out of order",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - id: n
        type: number
        text: N
        bands: [{upto: 10, points: 0}, {upto: 5, points: 1}, {points: 2}]
`,
			line: 12, field: "sections[s].questions[n].bands[1].upto", message: "bands must rise",
		},
		{
			name: "a weight of zero",
			yaml: header + `sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, weight: 0}]}]
`,
			line: 5, field: "sections[s].questions[q].weight", message: "weight must be greater than zero",
		},
		{
			name: "a deadline out of range",
			yaml: header + `deadlines: {high: 0}
sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]
`,
			line: 5, field: "deadlines.high", message: "a deadline is 1 to 3650 days",
		},
		{
			name: "a rule with two operations",
			yaml: header + `rules: [{id: r, adjust: risk, multiply: 2, add: 1}]
sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]
`,
			line: 5, field: "rules[r]", message: "exactly one of multiply, add, set, cap or floor",
		},
		{
			name: "a rule condition on an unknown level value",
			yaml: header + `levels: [{id: l, dimension: risk, bands: [{level: low, upto: 50%}, {level: high, over: 50%}]}]
rules: [{id: r, adjust: risk, add: 1, if: {level: l, is: hgih}}]
sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]
`,
			line: 6, field: "rules[r].if.is", message: `"hgih" is not a level of l`, hint: `did you mean "high"?`,
		},
		{
			name: "a severity raise beyond three steps",
			yaml: header + `levels: [{id: l, dimension: risk, bands: [{level: low}]}]
severity_raises: [{if: {level: l, is: low}, by: 4}]
sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q}]}]
`,
			line: 6, field: "severity_raises[0].by", message: "by must be 1 to 3",
		},
		{
			name: "a risk question without a risk matrix",
			yaml: header + `sections: [{id: s, title: S, questions: [{id: q, type: risk, text: Q, action: A}]}]
`,
			line: 5, field: "sections[s].questions[q]", message: "a risk question needs the questionnaire's risk_matrix",
		},
		{
			name: "dpo_opinion on a question the opinion cannot answer",
			yaml: header + `sections: [{id: s, title: S, questions: [{id: q, type: text, text: Q, dpo_opinion: true}]}]
`,
			line: 5, field: "sections[s].questions[q].dpo_opinion", message: "a text question cannot be the one the DPO's opinion answers",
			hint: "a control or single-choice question",
		},
		{
			name: "dpo_opinion on two questions",
			yaml: header + `sections:
  - id: s
    title: S
    questions:
      - {id: q, type: control, text: Q, dpo_opinion: true}
      - {id: r, type: control, text: R, dpo_opinion: true}
`,
			line: 10, field: "sections[s].questions[r].dpo_opinion", message: "question q is already the one the DPO's opinion answers",
			hint: "one question",
		},
		{
			name: "dpo_opinion where no DPO opinion is given",
			yaml: strings.Replace(header, "kind: privacy", "kind: fairness", 1) + `sections: [{id: s, title: S, questions: [{id: q, type: control, text: Q, dpo_opinion: true}]}]
`,
			line: 5, field: "sections[s].questions[q].dpo_opinion", message: "a fairness questionnaire takes no DPO opinion",
			hint: "privacy",
		},
		{
			name: "a YAML syntax error",
			yaml: header + "sections: [\n",
			line: 5, message: "YAML syntax",
		},
	}
	checkLintCases(t, cases)
}

// checkLintCases parses each case, which must be refused with its
// problems counted and the one saying its message at its line, field and
// hint.
func checkLintCases(t *testing.T, cases []lintCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			q, problems := questionnaires.Parse("t.yaml", []byte(c.yaml), questionnaires.Catalog())
			if q != nil {
				t.Fatalf("accepted:\n%s", c.yaml)
			}
			want := max(c.wantProblems, 1)
			if len(problems) != want {
				t.Errorf("%d problems, want %d:\n%v", len(problems), want, problems)
			}
			i := slices.IndexFunc(problems, func(p questionnaires.Problem) bool { return strings.Contains(p.Message, c.message) })
			if i < 0 {
				t.Fatalf("no problem says %q:\n%v", c.message, problems)
			}
			p := problems[i]
			if p.File != "t.yaml" || p.Line != c.line || p.Field != c.field || !strings.Contains(p.Hint, c.hint) {
				t.Errorf("got %s\nwant t.yaml:%d: %s: …%s… (…%s…)", p, c.line, c.field, c.message, c.hint)
			}
		})
	}
}

// Problems come sorted by position, whatever order the loader found them in.
func TestProblemsAreSortedByPosition(t *testing.T) {
	src := header + `outcome: nope
sections:
  - id: s
    title: S
    questions:
      - {id: q, type: control, text: Q, when: "zz == 'yes'", severity: severe}
      - {id: q, type: control, text: Q}
`
	_, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
	var got []string
	for _, p := range problems {
		got = append(got, fmt.Sprintf("%d:%d", p.Line, p.Column))
	}
	if !slices.IsSortedFunc(problems, func(a, b questionnaires.Problem) int {
		if a.Line != b.Line {
			return a.Line - b.Line
		}
		return a.Column - b.Column
	}) || len(problems) != 4 {
		t.Errorf("positions %v:\n%v", got, problems)
	}
}

// A field missing from a block mapping is reported where the mapping's
// first key starts, not at the colon after it.
func TestMissingFieldPosition(t *testing.T) {
	src := header + `sections:
  - id: s
    title: S
    questions:
      - id: q
        type: control
`
	_, problems := questionnaires.Parse("t.yaml", []byte(src), questionnaires.Catalog())
	if len(problems) != 1 || problems[0].Line != 9 || problems[0].Column != 9 || problems[0].Field != "sections[s].questions[q].text" {
		t.Errorf("problems %v", problems)
	}
}

// A small file of nested aliases cannot make the loader walk millions of
// questions: one that expands past input.MaxTokens values is refused
// before it is walked, and the walk stops following aliases after
// yamlx.MaxAliases.
func TestAliasBomb(t *testing.T) {
	for n, want := range map[int]string{
		999: "the file's aliases expand to more than 500000 values", // 999 x 999 questions
		120: "uses aliases more than 10000 times",                   // 120 x 120
	} {
		var b strings.Builder
		b.WriteString(header + "sections:\n  - &s {id: s, title: S, questions: [&q {id: q, type: control, text: Q}")
		b.WriteString(strings.Repeat(", *q", n))
		b.WriteString("]}\n")
		for range n {
			b.WriteString("  - *s\n")
		}
		_, problems := questionnaires.Parse("bomb.yaml", []byte(b.String()), questionnaires.Catalog())
		if !slices.ContainsFunc(problems, func(p questionnaires.Problem) bool {
			return strings.Contains(p.Message, want)
		}) {
			t.Errorf("%d: no alias problem among %d", n, len(problems))
		}
		if len(problems) > 20000 {
			t.Errorf("%d: %d problems: the loader kept walking", n, len(problems))
		}
	}
}
