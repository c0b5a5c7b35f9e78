package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A further risk named in its note cannot go to the committee rated but
// unnamed: the register would list "a further risk the analyst adds" at
// its level and nobody could say what it is. Submitting and approving
// refuse it, say which risk and how to name it, and change nothing;
// once the note names it, both go through.
func TestAnUnnamedFurtherRiskIsNotSubmitted(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "Loyalty analytics", "--date", "2026-01-10"))
	s.ok("answer", id, "-f", filepath.Join("..", "..", "questionnaires", "testdata", "verdicts", "dpia-no-legal-basis.yaml"))
	rate := func(note string) {
		file := filepath.Join(t.TempDir(), "further.yaml")
		body := "answers:\n  risk-other-1:\n    answer: {likelihood: 3, impact: 3, after: {likelihood: 2, impact: 3}, measures: Opt-out.}\n    note: " + note + "\n"
		if err := os.WriteFile(file, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		s.ok("answer", id, "-f", file)
	}
	rate(`"  "`)
	code, out, errOut := s.run("", "review", id, "--submit")
	if code == 0 {
		t.Fatalf("an unnamed further risk was submitted:\n%s", out)
	}
	for _, want := range []string{"cannot submit assessment " + id, "risk-other-1", "rated but not named", "first line of its note"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("the refusal lacks %q:\n%s", want, errOut)
		}
	}
	if list := s.ok("list"); !strings.Contains(list, "draft") {
		t.Errorf("the refused submit changed the assessment:\n%s", list)
	}

	rate(`"Loss of control over their data as offers follow them."`)
	s.ok("review", id, "--submit")
	// An approver meets the same rule: a risk whose name was emptied in
	// review is refused at approval.
	rate(`""`)
	code, _, errOut = s.run("", "--reviewer", "Rui Costa", "review", id, "--approve")
	if code == 0 || !strings.Contains(errOut, "cannot approve assessment "+id) || !strings.Contains(errOut, "risk-other-1") {
		t.Errorf("approval of an unnamed further risk: exit %d, %s", code, errOut)
	}
	rate(`"Loss of control over their data as offers follow them."`)
	if out := s.ok("--reviewer", "Rui Costa", "review", id, "--approve"); !strings.Contains(out, "approved") {
		t.Errorf("approval once named: %s", out)
	}
}
