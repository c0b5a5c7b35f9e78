package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A further risk the analyst names in its note is called by that name in
// the committee report: the summary's top findings, the levels' working,
// the risk register and the finding, which also shows the question asked.
func TestReportNamesAFurtherRiskByItsNote(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "Loyalty analytics", "--date", "2026-01-10"))
	s.ok("answer", id, "-f", filepath.Join("..", "..", "questionnaires", "testdata", "verdicts", "dpia-no-legal-basis.yaml"))
	file := filepath.Join(t.TempDir(), "further.yaml")
	if err := os.WriteFile(file, []byte(`answers:
  risk-other-1:
    answer: {likelihood: 3, impact: 3, after: {likelihood: 2, impact: 3}, measures: Opt-out for every member.}
    note: |-
      Loss of control over their data as offers follow them across shops.
      Seen in the 2025 pilot.
`), 0o600); err != nil {
		t.Fatal(err)
	}
	s.ok("answer", id, "-f", file)
	out := strings.Join(strings.Fields(s.ok("report", id)), " ")
	name := "Loss of control over their data as offers follow them across shops."
	for _, want := range []string{
		"(F3): " + name,
		`The highest risk as found is "` + name + `" at high.`,
		"| R7 | " + name + " | high (likelihood significant, impact significant) |",
		"- **Risk:** " + name + " - **Question:** A further risk to the people concerned that the five above do not cover",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
}
