package questionnaires_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/allocs"
	"github.com/assay-dev/assay/questionnaires"
)

// hostileAnswers are answers files (assay answer -f) shaped to cost
// reading more than their size, n their size in repeats.
var hostileAnswers = []struct {
	name string
	file func(n int) string
}{
	{"many unknown questions", func(n int) string {
		var b strings.Builder
		b.WriteString("answers:\n")
		for i := range n {
			fmt.Fprintf(&b, "  mfa-%d: \"yes\"\n", i)
		}
		return b.String()
	}},
	{"a long note", func(n int) string {
		return "answers:\n  mfa:\n    answer: \"yes\"\n    note: " + strings.Repeat("word ", 8*n) + "\n"
	}},
	{"a long unknown question", func(n int) string { return "answers:\n  " + strings.Repeat("q", 32*n) + ": \"yes\"\n" }},
	{"much evidence", func(n int) string {
		return "answers:\n  mfa:\n    answer: \"yes\"\n    evidence: [" + strings.Repeat("\"SOC 2 report\", ", n) + "\"x\"]\n"
	}},
	{"nested lists", func(n int) string { return "answers:\n  mfa: " + strings.Repeat("[", n) + "\n" }},
	{"aliases of a long note", func(n int) string {
		return "answers:\n  mfa:\n    answer: \"yes\"\n    note: &n " + strings.Repeat("x", 1000) + "\n" +
			"  encryption-rest:\n    answer: \"yes\"\n    evidence: [" + strings.Repeat("*n, ", n) + "*n]\n"
	}},
}

// An answers file shaped to cost reading more than its size (many
// answers to questions the questionnaire has not, a long note or
// question ID, much evidence, deep nesting, aliases of a long note) is
// read or refused with work in proportion to it: four times the file
// makes at most about four times the allocations and less than eight
// times the bytes (work that grows with the square of the file makes
// sixteen). Counted, never timed.
func TestReadingAHostileAnswersFileTakesWorkInProportionToIt(t *testing.T) {
	q := biGet(t, "vendor-security-screen")
	for _, shape := range hostileAnswers {
		n := 16
		for len(shape.file(n)) < 16<<10 {
			n += n / 8
		}
		small, large := []byte(shape.file(n)), []byte(shape.file(4*n))
		read := func(src []byte) func() { return func() { questionnaires.ParseAnswers("answers.yaml", src, q) } }
		as, al := testing.AllocsPerRun(1, read(small)), testing.AllocsPerRun(1, read(large))
		bs, bl := allocs.Least(read(small)), allocs.Least(read(large))
		_, problems := questionnaires.ParseAnswers("answers.yaml", large, q)
		said := ""
		if len(problems) > 0 {
			said = fmt.Sprintf("%d problems, the first %.200v", len(problems), problems[0])
		}
		t.Logf("%s: %d bytes: %.0f allocations, %d bytes; %d bytes: %.0f, %d; %s", shape.name, len(small), as, bs, len(large), al, bl, said)
		if ratio := al / as; ratio > 5 {
			t.Errorf("%s: %.0f allocations for %d bytes, %.0f for %d (%.1f times)", shape.name, as, len(small), al, len(large), ratio)
		}
		if ratio := float64(bl) / float64(bs); ratio >= 8 {
			t.Errorf("%s: %d bytes allocated for %d bytes, %d for %d (%.1f times)", shape.name, bs, len(small), bl, len(large), ratio)
		}
	}
}

// An answer to a question whose ID is 66,000 letters long is refused
// naming the file, line and the question cut short, not with the ID
// printed back whole twice (in the field's path and in the message).
func TestALongUnknownQuestionIsNotPrintedBackWhole(t *testing.T) {
	q := biGet(t, "vendor-security-screen")
	_, problems := questionnaires.ParseAnswers("answers.yaml", []byte("answers:\n  "+strings.Repeat("q", 66_000)+": \"yes\"\n"), q)
	if len(problems) != 1 {
		t.Fatalf("%d problems; want one: %.300v", len(problems), problems)
	}
	said := fmt.Sprint(problems[0])
	for _, want := range []string{"answers.yaml:2:3: answers: ", `questionnaire vendor-security-screen has no question "qqqqqqqqqqqqqqqqqqqq"…`} {
		if !strings.Contains(said, want) {
			t.Errorf("says %.300q; want %q in it", said, want)
		}
	}
	if len(said) > 300 {
		t.Errorf("says %d bytes (%.100q…); a problem fits in a few lines", len(said), said)
	}
}
