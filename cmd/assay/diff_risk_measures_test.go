package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A revision of a fundamental-rights assessment that changed only a
// risk's planned measures and the plan items linked to it was told as
// "answer: X -> X" by assay diff, the workspace's Compare and the
// report's "Changes since": the measures were never compared. assay diff
// and report --since now tell the measures and the plan items.
func TestDiffTellsARisksMeasuresAndPlanItems(t *testing.T) {
	s, id, rev := revisedRisksMeasures(t)
	out := s.ok("diff", id, rev, "--as-of", "2026-02-01")
	want := "Answers changed: 1\n" +
		"  risk-workers: Workers' rights: how likely is it that the system's use harms fair working conditions, consultation rights or job security, and how bad would that be?\n" +
		"    measures:   Works council consulted -> Nothing any more\n" +
		"    plan items: workers-informed -> (none)\n"
	if !strings.Contains(out, want) {
		t.Errorf("assay diff of a revision that changed only a risk's measures:\n%s\nwant it to hold:\n%s", out, want)
	}
	if strings.Contains(out, "answer:") || strings.Contains(out, "\x1b") {
		t.Errorf("assay diff tells an unchanged rating, or writes an escape sequence:\n%q", out)
	}

	report := s.ok("report", rev, "--since", id, "--as-of", "2026-02-01")
	for _, row := range []string{
		"| measures | Works council consulted | Nothing any more |",
		"| plan items | workers-informed | *none* |",
	} {
		if !strings.Contains(report, row) {
			t.Errorf("the report's changes lack %q:\n%s", row, report)
		}
	}
}

// revisedRisksMeasures is a fundamental-rights assessment approved with
// the workers' risk carried out by plan item workers-informed under
// "Works council consulted", and its revision rev, which changed only
// that risk's measures and took its plan items away.
func revisedRisksMeasures(t *testing.T) (s *cliSession, id, rev string) {
	t.Helper()
	s = newCLISession(t)
	id = strings.TrimSpace(s.ok("new", "-q", "eu-ai-act-fria", "-s", "Hospital rostering", "--date", "2026-01-10"))
	s.ok("answer", id, "-f", filepath.Join("..", "..", "questionnaires", "testdata", "verdicts", "fria-hospital-shift-allocation-workers-not-informed.yaml"))
	write := func(body string) string {
		path := filepath.Join(t.TempDir(), "answers.yaml")
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	s.ok("answer", id, "-f", write(`answers:
  risk-workers:
    likelihood: significant
    impact: significant
    after: {likelihood: limited, impact: limited}
    measures: Works council consulted
    plan: [workers-informed]
`))
	s.ok("review", id, "--submit", "--comment", "Ready", "--reviewer", "Dana Reyes", "--date", "2026-01-12")
	s.ok("review", id, "--approve", "--comment", "Agreed", "--reviewer", "Rui Costa", "--date", "2026-01-13")
	rev = strings.TrimSpace(s.ok("revise", id))
	s.ok("answer", rev, "-f", write("answers:\n  risk-workers:\n    likelihood: significant\n    impact: significant\n"+
		"    after: {likelihood: limited, impact: limited}\n    measures: \"Nothing any more\\e[31m\"\n    plan: []\n"))

	return s, id, rev
}
