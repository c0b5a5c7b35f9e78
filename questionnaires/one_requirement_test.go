package questionnaires_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// requirementsIn estimates how many separately checkable requirements a
// control question's text asks for: the parts of its text joined by
// commas, semicolons or "and", after examples ("such as …" to the end of
// the sentence, parentheses) and qualifiers ("backups included") are set
// aside, counting parts of two words or more. "Are staff screened, bound by confidentiality, and trained
// every year?" asks three; "Is our data encrypted at rest, backups
// included?" asks one. Alternatives joined by "or" are one requirement.
func requirementsIn(text string) int {
	t := strings.Join(strings.Fields(text), " ")
	t = regexp.MustCompile(`\([^)]*\)`).ReplaceAllString(t, "")
	t = regexp.MustCompile(`,? (such as|for example|including|like) [^?:;]*`).ReplaceAllString(t, "")
	t = regexp.MustCompile(`, (backups|administrators|support|internal traffic|partners|sub-processors) [a-z ]*included`).ReplaceAllString(t, "")
	t = strings.TrimSuffix(t, "?")
	if _, after, ok := strings.Cut(t, ":"); ok {
		t = after
	}
	n := 0
	for _, part := range regexp.MustCompile(`,? and |, |; `).Split(t, -1) {
		if len(strings.Fields(part)) >= 2 {
			n++
		}
	}
	return n
}

func TestRequirementsInGuardsItself(t *testing.T) {
	for text, want := range map[string]int{
		"Are the vendor's staff who can reach our data background-screened, bound by confidentiality, and trained in security every year?":        3,
		"Does the vendor list its sub-processors, flow down equivalent terms to them, and tell us in advance of changes, with a right to object?": 4,
		"Is our data encrypted at rest, backups included?":                                                                       1,
		"Is multi-factor authentication required to reach the data?":                                                             1,
		"Were less intrusive ways of reaching the same purpose considered, such as aggregated, pseudonymized or synthetic data?": 1,
		"Must the vendor tell us 30 days before changing a sub-processor, with a right to object?":                               2,
	} {
		if got := requirementsIn(text); got != want {
			t.Errorf("%d requirements in %q, want %d", got, text, want)
		}
	}
}

// TestOneRequirementPerQuestion: no built-in control question asks for
// three or more requirements under one yes / partly / no, so that "partly"
// on a vendor call never hides what is missing. (Before issue 15, 78 of the
// 154 control questions did by this count.)
func TestOneRequirementPerQuestion(t *testing.T) {
	lib := biLibrary(t)
	n := 0
	for _, q := range lib.All() {
		for _, qq := range q.Questions {
			if qq.Type != assess.TypeControl {
				continue
			}
			n++
			if r := requirementsIn(qq.Text); r >= 3 {
				t.Errorf("%s/%s asks for %d requirements at once: %q", q.ID, qq.ID, r, qq.Text)
			}
		}
	}
	if n < 300 {
		t.Errorf("only %d control questions in the built-ins", n)
	}
}
