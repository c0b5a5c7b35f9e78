package main

import (
	"strings"
	"testing"
)

// assay diff tells each changed answer's fields under it, label then
// value. The labels' column was sized for "measures:" and "evidence:",
// so "plan items:", two characters wider, pushed its value out of the
// column the others start in. The column now fits the longest label the
// diff shows.
func TestDiffValuesStartInOneColumn(t *testing.T) {
	s, id, rev := revisedRisksMeasures(t)
	out := s.ok("diff", id, rev, "--as-of", "2026-02-01")
	// A field's line is indented four spaces under its answer's; its
	// value starts after the label's colon and the spaces that follow.
	starts := map[int][]string{}
	for _, line := range strings.Split(out, "\n") {
		if !strings.HasPrefix(line, "    ") || strings.HasPrefix(line, "     ") {
			continue
		}
		colon := strings.Index(line, ": ")
		if colon < 0 {
			t.Fatalf("a field's line without a label: %q", line)
		}
		value := colon + 1 + len(line[colon+1:]) - len(strings.TrimLeft(line[colon+1:], " "))
		starts[value] = append(starts[value], line)
	}
	// "    plan items: " is the longest label, four spaces in, with one
	// space after it: every value starts at its 17th character.
	const want = len("    plan items: ")
	if len(starts) != 1 || len(starts[want]) != 2 {
		t.Errorf("assay diff's values start in %d columns (want all at %d, measures and plan items):\n%v\nin:\n%s", len(starts), want, starts, out)
	}
}
