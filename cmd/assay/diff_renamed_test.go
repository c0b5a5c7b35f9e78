package main

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/testfixture"
)

// assay diff tells a renamed question under its new ID and the old, with
// last year's answer beside this year's, not as one question removed and
// another added: testfixture.RenamedComparison's breach-notice, Partly
// last year, is incident-notice, No this year.
func TestDiffTellsARenamedQuestion(t *testing.T) {
	var b strings.Builder
	writeDiff(&b, testfixture.RenamedComparison(t))
	out := b.String()
	want := "Answers changed: 1\n" +
		"  incident-notice (renamed from breach-notice): Must the vendor notify us of incidents within 72 hours?\n" +
		"    answer: Partly -> No\n"
	if !strings.Contains(out, want) {
		t.Errorf("assay diff:\n%s\nwant it to hold:\n%s", out, want)
	}
	if strings.Contains(out, "  breach-notice:") {
		t.Errorf("breach-notice is told as a question of its own:\n%s", out)
	}
}
