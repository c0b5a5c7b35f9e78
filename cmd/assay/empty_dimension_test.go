package main

import (
	"strings"
	"testing"
)

// A dimension no question counts in (the pre-screen's, whose questions are
// all unscored) is empty: "0 of 0" is neither high nor low, as the format
// says, so score, explain and the report call it not applicable rather
// than printing "0 of 0 (0.0%)", which reads as a measured zero risk.
func TestAnEmptyDimensionReadsNotApplicable(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("prescreen", "Acme", "2026-03-01", "personal-data: \"no\"")
	for _, args := range [][]string{{"score", id}, {"score", id, "--explain"}, {"report", id}} {
		out := s.ok(args...)
		said := strings.Contains(out, "not applicable: no question counts in it") || args[0] == "report" // the pre-screen's report shows no dimensions
		if strings.Contains(out, "0 of 0") || strings.Contains(out, "0 of a possible 0") || !said {
			t.Errorf("assay %s:\n%s\nwant the empty dimension called not applicable, not 0 of 0", strings.Join(args, " "), out)
		}
	}
}
