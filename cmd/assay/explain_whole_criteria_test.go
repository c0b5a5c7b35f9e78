package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// The DPIA counts WP248's seventh criterion, vulnerable people, once
// however many of its three options are ticked. dpia 2.11.0 did it with a
// quarter point per option and a rule that rounded the total up, so
// assay score --explain showed an analyst "4.5 of 8.75", "a maximum of
// 8.75" and "criteria 4.5 -> 5": quarters of a criterion, which no
// guideline counts. It must show whole criteria.
//
// Worked out by hand: the emergency triage DPIA ticks scoring, sensitive,
// large-scale, vulnerable, children and innovative. Vulnerable and
// children are one criterion, so 5 criteria of WP248's 9: 5 of 9, 55.6%
// of the declared maximum of 9, and nothing for a rule to adjust.
func TestExplainCountsVulnerablePeopleAsOneWholeCriterion(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "Emergency triage model", "--date", "2026-01-10"))
	s.ok("answer", id, "-f", filepath.Join("..", "..", "questionnaires", "testdata", "verdicts",
		"dpia-emergency-triage-model-children-included.yaml"))
	out := s.ok("score", id, "--explain")

	_, section, ok := strings.Cut(out, "\nDimension criteria (High-risk criteria met; higher is worse)\n")
	if !ok {
		t.Fatalf("no criteria dimension in the explanation:\n%s", out)
	}
	section, _, _ = strings.Cut(section, "\n\n")
	lines := strings.Split(section, "\n")
	words := func(s string) string { return strings.Join(strings.Fields(s), " ") }
	want := []string{
		"edpb-criteria 5 of 9 Evaluating or scoring people, including profiling and prediction; " +
			"Sensitive or highly personal data (health, finance, location, communications); " +
			"Processing on a large scale; " +
			"Data about vulnerable people (employees, patients, the elderly, people in difficulty); " +
			"Children's data used for marketing, profiling or automated decisions, or an online service " +
			"offered to or likely to be used by children; " +
			"Innovative technology or a new use of existing technology: 5 points × weight 1; " +
			"vulnerable and children count once together, as vulnerable-people",
		"total 5 of 9 (55.6%)",
	}
	if len(lines) != len(want) {
		t.Fatalf("criteria section has %d lines, want %d:\n%s", len(lines), len(want), section)
	}
	for i := range want {
		if got := words(lines[i]); got != want[i] {
			t.Errorf("line %d:\n got %s\nwant %s", i+1, got, want[i])
		}
	}
	if strings.Contains(out, "vulnerable-people-one-criterion") {
		t.Errorf("a rule still rounds quarter points up:\n%s", out)
	}
	if !strings.Contains(out, "High-risk criteria met: 5 of 9 (55.6%) of the declared maximum") {
		t.Errorf("the summary's criteria line changed:\n%s", out)
	}
}
