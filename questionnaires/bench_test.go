package questionnaires_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/questionnaires"
)

// BenchmarkLoadBuiltin parses and validates every built-in questionnaire,
// as assay does at start-up.
func BenchmarkLoadBuiltin(b *testing.B) {
	questionnaires.Catalog() // loaded once per process, not per start
	n := 0
	for b.Loop() {
		lib, err := questionnaires.Builtin()
		if err != nil {
			b.Fatal(err)
		}
		n = len(lib.All())
	}
	b.ReportMetric(float64(n), "questionnaires")
}

// syntheticQuestionnaire writes a questionnaire of n questions (n a
// multiple of 50) in sections of 50, with every question type that scores,
// two dimensions, a rule, band and matrix levels, a severity raise, and
// conditions:
//   - section s > 0 is shown when q(5×(s mod 10)+1), a single choice in
//     the first section, is not 'a';
//   - q(i) with i mod 5 = 4 is shown when q(i-1) is answered;
//   - q(i) with i mod 10 = 8 is shown when q(i-1) contains 'y' or has two
//     options chosen.
func syntheticQuestionnaire(n int) []byte {
	var b strings.Builder
	b.WriteString(`id: synthetic
version: "1"
title: Synthetic
kind: security
dimensions:
  - {id: risk, higher: worse}
  - {id: strength, higher: better}
rules:
  - {id: strong, if: {dimension: strength, at_least: 80%}, adjust: risk, multiply: 0.85, round: half-up}
levels:
  - id: risk-level
    dimension: risk
    bands: [{level: low, upto: 25%}, {level: medium, over: 25%, upto: 50%}, {level: high, over: 50%}]
  - id: strength-level
    dimension: strength
    bands: [{level: weak, below: 50%}, {level: strong, from: 50%}]
  - id: overall
    scale: [low, medium, high]
    matrix:
      rows: risk-level
      columns: strength-level
      cells: [[low, low], [medium, low], [high, medium]]
severity_raises:
  - {if: {level: risk-level, is: high}, by: 1}
sections:
`)
	for s := 0; s < n/50; s++ {
		fmt.Fprintf(&b, "  - id: s%d\n    title: Section %d\n", s, s)
		if s > 0 {
			fmt.Fprintf(&b, "    when: \"q%d != 'a'\"\n", 5*(s%10)+1)
		}
		b.WriteString("    questions:\n")
		for i := s * 50; i < s*50+50; i++ {
			fmt.Fprintf(&b, "      - id: q%d\n        text: Question %d\n", i, i)
			switch {
			case i%5 == 4:
				fmt.Fprintf(&b, "        when: answered(q%d)\n", i-1)
			case i%10 == 8:
				fmt.Fprintf(&b, "        when: q%d contains 'y' or count(q%d) >= 2\n", i-1, i-1)
			}
			switch i % 5 {
			case 0, 4:
				fmt.Fprintf(&b, "        type: control\n        weight: %d\n        severity: medium\n        action: Fix it.\n", 1+i%3)
				if i%10 == 0 {
					b.WriteString("        dimension: strength\n")
				}
				b.WriteString("        controls: {iso27001: [A.8.5], soc2: [CC6.1]}\n")
			case 1:
				b.WriteString("        type: single\n        options: [{value: a, points: 0}, {value: b, points: 1}, {value: c, points: 3}]\n")
			case 2:
				b.WriteString("        type: multi\n        options: [{value: x, points: 1}, {value: y, points: 2}, {value: none, points: 0, exclusive: true}]\n")
			case 3:
				b.WriteString("        type: scale\n        scale: {from: 1, to: 5}\n")
			}
		}
	}
	return []byte(b.String())
}

// syntheticAnswers answers every question but those with i mod 10 = 3,
// cycling through the possible answers.
func syntheticAnswers(q *assess.Questionnaire) assess.Answers {
	answers := assess.Answers{}
	for i, qq := range q.Questions {
		if i%10 == 3 {
			continue
		}
		var v assess.Value
		switch qq.Type {
		case assess.TypeControl:
			v.Choices = []string{[]string{"yes", "partial", "no", "na"}[i%4]}
		case assess.TypeSingle:
			v.Choices = []string{[]string{"a", "b", "c"}[i%3]}
		case assess.TypeMulti:
			v.Choices = [][]string{{"x"}, {"x", "y"}, {"none"}}[i%3]
		case assess.TypeScale:
			d := decimal.FromInt(int64(1 + i%5))
			v.Number = &d
		}
		answers[qq.ID] = assess.Answer{QuestionID: qq.ID, Value: v}
	}
	return answers
}

// BenchmarkScore2000 scores a 2,000-question assessment with conditions.
// The target is under 2 ms per score.
func BenchmarkScore2000(b *testing.B) {
	src := syntheticQuestionnaire(2000)
	q, problems := questionnaires.Parse("synthetic.yaml", src, questionnaires.Catalog())
	if len(problems) > 0 {
		b.Fatal(problems)
	}
	answers := syntheticAnswers(q)
	date := assess.NewDate(2026, 1, 10)
	var res *assess.Result
	for b.Loop() {
		res = assess.Score(q, answers, date)
	}
	hidden := 0
	for _, r := range res.Questions {
		if !r.Visible {
			hidden++
		}
	}
	b.ReportMetric(float64(hidden), "hidden")
	b.ReportMetric(float64(len(res.Findings)), "findings")
}

// BenchmarkParse2000 parses and validates the same 2,000-question file.
func BenchmarkParse2000(b *testing.B) {
	src := syntheticQuestionnaire(2000)
	cat := questionnaires.Catalog()
	for b.Loop() {
		if _, problems := questionnaires.Parse("synthetic.yaml", src, cat); len(problems) > 0 {
			b.Fatal(problems)
		}
	}
}

// TestSyntheticQuestionnaire keeps the benchmark honest: the file loads and
// its conditions hide what they should.
func TestSyntheticQuestionnaire(t *testing.T) {
	q, problems := questionnaires.Parse("synthetic.yaml", syntheticQuestionnaire(200), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	res := assess.Score(q, syntheticAnswers(q), assessedOn)
	var hidden []string
	for _, r := range res.Questions {
		if !r.Visible {
			hidden = append(hidden, r.ID)
		}
	}
	// Sections: s1 needs q6 != 'a' (q6: 6 mod 3 = 0, 'a'): hidden;
	// s2 needs q11 ('c'): shown; s3 needs q16 ('b'): shown.
	// In the shown sections s0, s2, s3: q(i) with i mod 10 = 4 follows the
	// unanswered q(i-1): hidden. q(i) with i mod 10 = 8 follows the
	// multi-choice q(i-1), whose answer is [x] when (i-1) mod 3 = 0, [x, y]
	// when 1, [none] when 2: shown only for [x, y], so q8 (7 mod 3 = 1),
	// q38, q128, q158 and q188 are shown and q18, q28, q48, q108, q118,
	// q138, q148, q168, q178 and q198 hidden. A hidden question has no
	// value for conditions, so q(i+1) = q19, q29, … (shown when q(i) is
	// answered) is hidden with each of them.
	want := []string{"q4", "q14", "q18", "q19", "q24", "q28", "q29", "q34", "q44", "q48", "q49"}
	for i := 50; i < 100; i++ {
		want = append(want, fmt.Sprintf("q%d", i))
	}
	want = append(want, "q104", "q108", "q109", "q114", "q118", "q119", "q124", "q134", "q138", "q139", "q144", "q148", "q149",
		"q154", "q164", "q168", "q169", "q174", "q178", "q179", "q184", "q194", "q198", "q199")
	if strings.Join(hidden, " ") != strings.Join(want, " ") {
		t.Errorf("hidden:\n got %v\nwant %v", hidden, want)
	}
}

// One loaded questionnaire is shared by every assessment that uses it:
// scoring must not write to it, so concurrent scores agree (and -race
// stays quiet).
func TestScoreConcurrently(t *testing.T) {
	q, problems := questionnaires.Parse("synthetic.yaml", syntheticQuestionnaire(200), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	answers := syntheticAnswers(q)
	want := assess.Score(q, answers, assessedOn)
	done := make(chan *assess.Result)
	for range 4 {
		go func() { done <- assess.Score(q, answers, assessedOn) }()
	}
	for range 4 {
		got := <-done
		if got.Dimension("risk").Value != want.Dimension("risk").Value || len(got.Findings) != len(want.Findings) || got.Outcome.Level != want.Outcome.Level {
			t.Errorf("concurrent score differs: %v %d %s", got.Dimension("risk").Value, len(got.Findings), got.Outcome.Level)
		}
	}
}
