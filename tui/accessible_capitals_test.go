package tui_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A braille display or caps lock sends capitals: Q, B, L, Y and N typed
// so were "There is no choice Q" and the like. Each single-letter command
// is taken in either case wherever it is offered.
func TestAccessibleCapitalLettersAreCommands(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	e.importVendorFile(a, "source: vendor\nanswers:\n  attestation: yes\n  mfa: no\n")
	text := e.accessible(lines(
		"1", "B", // the assessment, its first question, back to its choices
		"2", "L", "B", // the plan, heard again, back
		"3", "1", "N", "", // submit, declining the vendor's answers: refused
		"3", "1", "Y", "", // submit, accepting them
		"4", "B", // the report, back
		"Q", "1", // quit: the 1 after it is never read
	))
	for _, bad := range []string{"There is no", "Type y or n.", "Nothing was typed", "Not saved"} {
		if strings.Contains(text, bad) {
			t.Errorf("a capital letter was not taken as its command (%q):\n%s", bad, text)
		}
	}
	if n := strings.Count(text, "Remediation plan of assessment 1"); n != 2 {
		t.Errorf("the plan was said %d times; want 2 (L says it again):\n%s", n, text)
	}
	if !strings.Contains(text, "Signed: submitted by Dana Reyes") || strings.Count(text, "Not signed: ") != 1 {
		t.Errorf("Y and N at the vendor answers' question were not taken:\n%s", text)
	}
	if got := e.load(a.ID); got.Status != assess.InReview {
		t.Errorf("state %s; want in review", got.Status)
	}
	if strings.HasSuffix(strings.TrimSpace(text), "q to quit:") && strings.Count(text, "Question 2 of 33") > 1 {
		t.Errorf("Q did not quit:\n%s", text)
	}
}
