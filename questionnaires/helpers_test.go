package questionnaires_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/decimal"
	"github.com/assay-dev/assay/questionnaires"
)

// loadTestdata parses a questionnaire from testdata and fails the test on
// any problem.
func loadTestdata(t testing.TB, name string) *assess.Questionnaire {
	t.Helper()
	path := filepath.Join("testdata", name)
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	q, problems := questionnaires.Parse(path, src, questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatalf("%s:\n%v", path, problems)
	}
	return q
}

// loadTestdataReplacing parses a testdata questionnaire with one piece of
// its text replaced everywhere, to test a variant of it.
func loadTestdataReplacing(t testing.TB, name, old, new string) *assess.Questionnaire {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), old) {
		t.Fatalf("%s has no %q", name, old)
	}
	q, problems := questionnaires.Parse(name, []byte(strings.ReplaceAll(string(src), old, new)), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatalf("%s:\n%v", name, problems)
	}
	return q
}

// answersOf reads answers written as the body of an answers file's
// "answers:" mapping, one "question: value" per line, through the same
// parser as assay answer.
func answersOf(t testing.TB, q *assess.Questionnaire, body string) assess.Answers {
	t.Helper()
	var b strings.Builder
	b.WriteString("answers:\n")
	for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
		b.WriteString("  " + strings.TrimSpace(line) + "\n")
	}
	if strings.TrimSpace(body) == "" {
		b.Reset()
		b.WriteString("answers: {}\n")
	}
	return answersFile(t, "answers.yaml", []byte(b.String()), q)
}

// answersFile parses an answers file of q, read from path, through the
// same parser as assay answer, into the answers the scorer takes; a
// problem fails the test with the file's text.
func answersFile(t testing.TB, path string, src []byte, q *assess.Questionnaire) assess.Answers {
	t.Helper()
	f, problems := questionnaires.ParseAnswers(path, src, q)
	if len(problems) > 0 {
		t.Fatalf("%s:\n%s\n%v", path, src, problems)
	}
	out := assess.Answers{}
	for _, a := range f.Answers {
		out[a.QuestionID] = a
	}
	return out
}

// scoreOf scores answers (in answersOf's form) on a fixed assessment date.
func scoreOf(t testing.TB, q *assess.Questionnaire, body string) *assess.Result {
	t.Helper()
	return assess.Score(q, answersOf(t, q, body), assessedOn)
}

// assessedOn is the assessment date every scoring test uses.
var assessedOn = assess.NewDate(2026, 1, 10)

func dec(s string) decimal.Decimal { return decimal.MustParse(s) }

// checkDim compares a dimension's raw total, value after rules and maximum.
func checkDim(t testing.TB, res *assess.Result, id, raw, value, max string) {
	t.Helper()
	d := res.Dimension(id)
	if d == nil {
		t.Fatalf("no dimension %s", id)
	}
	if d.Raw != dec(raw) || d.Value != dec(value) || d.Max != dec(max) {
		t.Errorf("%s: raw %s, value %s, max %s; want raw %s, value %s, max %s", id, d.Raw, d.Value, d.Max, raw, value, max)
	}
}

func levelOf(t testing.TB, res *assess.Result, id string) string {
	t.Helper()
	l, ok := res.Level(id)
	if !ok {
		t.Fatalf("no level %s", id)
	}
	return l.Level
}

func questionOf(t testing.TB, res *assess.Result, id string) assess.QuestionResult {
	t.Helper()
	r, ok := res.Question(id)
	if !ok {
		t.Fatalf("no question %s", id)
	}
	return r
}

// findingsOf lists findings as "question:severity", in the result's order.
func findingsOf(res *assess.Result) string {
	var out []string
	for _, f := range res.Findings {
		out = append(out, f.QuestionID+":"+f.Severity.String())
	}
	return strings.Join(out, " ")
}

// answersProblems parses answers in answersOf's form and returns the
// problems found.
func answersProblems(t testing.TB, q *assess.Questionnaire, body string) questionnaires.Problems {
	t.Helper()
	var b strings.Builder
	b.WriteString("answers:\n")
	for _, line := range strings.Split(strings.TrimSpace(body), "\n") {
		b.WriteString("  " + strings.TrimSpace(line) + "\n")
	}
	_, problems := questionnaires.ParseAnswers("answers.yaml", []byte(b.String()), q)
	return problems
}

// stillToAnswer lists, of the questions ids, those a result still wants
// answered (asked and unanswered), in the result's order: how the FRIA's
// tests see which conditional questions the answers turn on.
func stillToAnswer(res *assess.Result, ids ...string) []string {
	var out []string
	for _, id := range res.Unanswered {
		if slices.Contains(ids, id) {
			out = append(out, id)
		}
	}
	return out
}
