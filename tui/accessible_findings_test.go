package tui_test

import (
	"regexp"
	"strings"
	"testing"
)

// The result said after the last question names each finding in a
// sentence, its number first and its level last: it gave the columns
// assay score prints ("  F1 medium   pentest: 2025-01-15"), which a screen
// reader reads as a run of words, with a question ID in place of the
// question. The answer carries its band's label, as the report's does.
func TestAccessibleResultSaysEachFindingAsASentence(t *testing.T) {
	e, _ := payrollButTheRisk(t)
	out := runAccessible(t, e, "1\n1 2\nq\n")
	if want := "\nF1: When was the last penetration test? Answered 2025-01-15 (over a year ago). Level: medium.\n"; !strings.Contains(out, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, out)
	}
	if aligned := regexp.MustCompile(`(?m)^\s+F\d+ |pentest:`).FindString(out); aligned != "" {
		t.Errorf("accessible output still lists a finding as columns or by its question's ID (%q):\n%s", aligned, out)
	}
}
