package main

import (
	"strings"
	"testing"
)

// A warning is printed with its position and field, marked as a warning,
// and alone does not fail lint; beside a problem, both are printed in
// position order and lint fails for the problem.
func TestLintWarnings(t *testing.T) {
	s := newCLISession(t)
	src := `id: two-dimensions
version: "1.0.0"
title: Two dimensions
kind: security
dimensions:
  - {id: gaps, higher: worse}
  - {id: exposure, higher: worse}
sections:
  - id: s
    title: S
    questions:
      - id: records
        type: single
        dimension: exposure
        text: How many records?
        options: [{value: few, points: 0}, {value: many, points: 2}]
      - id: encryption
        type: control
        text: Is data encrypted at rest?
`
	path := writeFile(t, t.TempDir(), "two.yaml", src)
	warning := path + `:17:9: warning: sections[s].questions[encryption]: question encryption names no dimension, so it feeds the first one, "gaps", of 2 (add dimension: gaps (or another, or none) to say which it feeds)`
	code, out, errOut := s.run("", "lint", path)
	if code != 0 || out != warning+"\n1 file, no problems, 1 warning\n" || errOut != "" {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	// The file still loads: it can be started.
	if code, _, errOut := s.run("", "--questionnaires", strings.TrimSuffix(path, "two.yaml"), "new", "-q", "two-dimensions", "-s", "Acme"); code != 0 {
		t.Errorf("a file with only warnings cannot be started: %s", errOut)
	}
	// With a problem after the warning: both, in order, and exit 1.
	bad := writeFile(t, t.TempDir(), "bad.yaml", src+"        severity: severe\n")
	code, out, errOut = s.run("", "lint", bad)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if code != 1 || len(lines) != 2 || !strings.HasPrefix(lines[0], bad+":17:9: warning: ") ||
		lines[1] != bad+`:20:19: sections[s].questions[encryption].severity: unknown severity "severe" (use low, medium, high or critical)` ||
		strings.TrimSpace(errOut) != "assay: 1 problem in 1 file" {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
}
