package questionnaires_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// checkProblems holds the loader's promise: either a result and no
// problems, or no result and at least one problem, each with a position
// and a message.
func checkProblems(t *testing.T, ok bool, problems questionnaires.Problems) {
	t.Helper()
	if ok == (len(problems) > 0) {
		t.Fatalf("result %v with %d problems", ok, len(problems))
	}
	for _, p := range problems {
		if p.Line < 1 || p.Column < 1 || p.Message == "" || p.File == "" {
			t.Fatalf("problem without position or message: %+v", p)
		}
	}
}

// FuzzParse feeds the questionnaire loader arbitrary files: it must never
// panic, and whatever it accepts must score (with no answers) without
// panicking either.
func FuzzParse(f *testing.F) {
	for _, pattern := range []string{"builtin/*.yaml", "testdata/*.yaml", "testdata/invalid/*.yaml"} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			src, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(src)
		}
	}
	for _, s := range []string{
		"", "id: x", "- a\n- b", "id: &a x\nversion: *a", "sections: [{questions: [{}]}]",
		"id: x\nversion: 1\ntitle: t\nkind: privacy\nsections:\n- id: s\n  title: s\n  questions:\n  - {id: q, text: q, type: scale, scale: {from: 0, to: 3}}\n",
		// severity_when and replaces in the shapes a hostile author tries:
		// empty lists, nulls, a list of lists, aliases, a repeated condition,
		// a condition on the question itself, escapes in an old ID.
		"id: x\nversion: 1\ntitle: t\nkind: privacy\nsections:\n- id: s\n  title: s\n  questions:\n  - {id: a, text: a, type: single, options: [p, q]}\n  - {id: q, text: q, type: control, action: do, severity: high, severity_when: [{when: \"a == 'p'\", severity: low, reason: r}, {when: \"a  == 'p'\", severity: medium, reason: r}], replaces: [old, null, '', \"x\\e[2J\", [x]]}\n",
		"id: x\nversion: 1\ntitle: t\nkind: privacy\nsections:\n- id: s\n  title: s\n  questions:\n  - {id: q, text: q, type: control, severity: null, severity_when: &w {when: \"q == 'no'\", severity: 3, reason: ~}, replaces: []}\n  - {id: r, text: r, type: control, severity: high, severity_when: [*w, [*w], []], replaces: &r [q, r, old]}\n  - {id: z, text: z, type: control, replaces: *r}\n",
		"id: x\nversion: 1\ntitle: t\nkind: privacy\nlevels: [{id: l, dimension: risk, bands: [{level: a, upto: 50%}, {level: b, over: 50%}]}]\nsections:\n- id: s\n  title: s\n  questions:\n  - {id: q, text: q, type: control, when: \"q == 'yes'\"}\n",
		// The shapes of round 20's hardening: a byte order mark, an ID over
		// the limit, fields left empty, conditions no answer changes, an
		// alias of an anchor the loader reads later, a duplicate key, an
		// escape and a long name in unknown fields.
		"\ufeffid: x\nversion: 1\ntitle: t\nkind: privacy\nsections:\n- id: s\n  title: s\n  questions:\n  - {id: " + strings.Repeat("q", 65) + ", text: q, type: control}\n",
		"id: x\nversion: 1\ntitle: t\nkind: privacy\ndescription:\nsections:\n- id: s\n  title: s\n  when: ~\n  questions:\n  - {id: a, text: a, type: single, options: [p, {value: q, label: }]}\n  - {id: q, text: q, type: control, severity: high, severity_when: , replaces: null, when: \"true\"}\n  - {id: r, text: r, type: control, required_when: \"answered(a) or not answered(a)\", when: \"a == 'p' or true\"}\n",
		"id: x\nversion: 1\ntitle: t\nkind: privacy\ndimensions: [{id: risk, higher: worse}]\nlevels: [{id: l, title: &t T, dimension: risk, bands: [{level: low}]}]\nsections:\n- id: s\n  title: *t\n  questions:\n  - {id: q, text: *t, type: control, \"x\\e[2J\": 1, " + strings.Repeat("k", 200) + ": 2, when: [a]}\n  - {id: r, text: r, text: s, type: control}\n",
		// YAML's core tags, read as they say, and the tags refused: on
		// keys, on the document, with no value, on a value of another
		// kind, under anchors and aliases, in flow collections.
		"!!map\n!!str id: !!str x\nversion: !!float 1.0\ntitle: !!str t\nkind: !!str privacy\nsections: !!seq\n- !!map\n  id: &i !!str s\n  title: *i\n  questions: !!seq\n  - {id: !!str q, text: !!str 2024, type: !!str control, weight: !!int \"3\", optional: !!bool True, internal: !!null , severity: !!null ~}\n  - {id: r, text: !!int, type: number, weight: !!float .inf, whole: !!bool yes, min: !!int 0x10}\n",
		"id: x\nversion: 1\ntitle: t\nkind: privacy\nsections:\n- id: s\n  title: s\n  questions:\n  - {id: q, text: !!binary aGk=, type: !!timestamp 2026-01-01, controls: !!set {a, b}, replaces: !!omap [{a: 1}], action: !<tag:yaml.org,2002:str> x, !foo severity: high, !!int 3: 4}\n",
	} {
		f.Add([]byte(s))
	}
	cat := questionnaires.Catalog()
	f.Fuzz(func(t *testing.T, src []byte) {
		q, problems := questionnaires.Parse("fuzz.yaml", src, cat)
		checkProblems(t, q != nil, problems)
		if q != nil {
			res := assess.Score(q, assess.Answers{}, assessedOn)
			if len(res.Questions) != len(q.Questions) {
				t.Fatalf("%d results for %d questions", len(res.Questions), len(q.Questions))
			}
		}
	})
}

// FuzzParseAnswers feeds the answers-file parser arbitrary files against
// questionnaires that use every question type: it must never panic, every
// answer it accepts must pass the engine's own validation, and the
// accepted answers must score.
func FuzzParseAnswers(f *testing.F) {
	var qs []*assess.Questionnaire
	for _, name := range []string{"scoring-basics.yaml", "risk-register.yaml", "conditions.yaml", "canada-aia.yaml"} {
		qs = append(qs, loadTestdata(f, name))
	}
	for _, s := range []string{
		"answers:\n  mfa: yes\n  policy: {answer: partial, note: old, evidence: [a, b]}\n",
		"questionnaire: scoring-basics\nsource: vendor\nanswers:\n  data-types: [contact, financial]\n  staff: 3\n  records: 5000.5\n  pentest: 2025-03-01\n  contact: Sam\n",
		"answers:\n  data-types: [none, contact]\n  staff: 9\n  pentest: 2025-02-30\n",
		"answers:\n  breach: {likelihood: likely, impact: 2, after: {likelihood: rare, impact: minor}, measures: m}\n  audience: adults\n",
		"answers:\n  reidentification: {answer: {likelihood: 1, impact: 1}, note: n}\n  function-creep: {likelihood: 1}\n",
		"answers:\n  uses-ai: yes\n  ai-uses: [scoring]\n  data: [health]\n  records: 20000\n",
		"answers:\n  harm-severity: 20\n  rights-affected: [liberty, health]\n  consultation: na\n",
		"answers: [1, 2]", "answers:\n  mfa:\n", "", "answers: &x {mfa: *x}",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, q := range qs {
			af, problems := questionnaires.ParseAnswers("answers.yaml", src, q)
			checkProblems(t, af != nil, problems)
			if af == nil {
				continue
			}
			answers := assess.Answers{}
			for _, a := range af.Answers {
				qq, ok := q.Question(a.QuestionID)
				if !ok {
					t.Fatalf("answer to unknown question %s", a.QuestionID)
				}
				if err := qq.Validate(a.Value, q.RiskMatrix); err != nil {
					t.Fatalf("accepted an invalid answer: %v", err)
				}
				answers[a.QuestionID] = a
			}
			assess.Score(q, answers, assessedOn)
		}
	})
}
