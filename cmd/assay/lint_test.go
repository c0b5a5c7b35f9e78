package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// testdata/invalid/lint-mistakes.yaml holds thirteen mistakes of ten
// different kinds; assay lint must print every one with file:line:column,
// the field and (where there is one) a hint, then exit 1.
func TestLintReportsEveryMistake(t *testing.T) {
	s := newCLISession(t)
	path := filepath.Join("..", "..", "questionnaires", "testdata", "invalid", "lint-mistakes.yaml")
	code, out, errOut := s.run("", "lint", path)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := []string{
		// a required field missing, reported where the file's mapping starts
		"3:1: title: title is required",
		// an unknown field, with the field it was probably meant to be
		`5:1: titel: unknown field "titel" (did you mean "title"?)`,
		// levels that overlap, and levels that leave a gap
		`17:9: levels[overall].bands[1]: band "medium" overlaps band "low" between 25% and 30%`,
		"18:9: levels[overall].bands[2]: gap: scores between 60% and 70% have no level",
		// a rule adjusting an unknown dimension
		`22:13: rules[cap].adjust: unknown dimension "riks" (did you mean "risk"?)`,
		// an option without points where the dimension needs them
		`34:13: sections[basics].questions[uses-ai].options[1]: option "no" has no points (the question feeds dimension "risk"; give points, or mark the option na: true, or set dimension: none)`,
		// a condition naming an unknown question
		`39:15: sections[basics].questions[oversight].when: condition: unknown question uses-aj (did you mean "uses-ai"?)`,
		// unknown control IDs in two frameworks
		`43:22: sections[basics].questions[oversight].controls.iso27001[0]: ISO/IEC 27001:2022 has no control "A.5.99" (did you mean "A.5.9"?)`,
		`44:22: sections[basics].questions[oversight].controls.nist-csf[0]: NIST CSF 2.0 has no control "PR.AA-5" (did you mean "PR.AA-05"?)`,
		// a duplicate ID
		`46:13: sections[basics].questions[oversight].id: duplicate question id "oversight" (first defined at line 36)`,
		// a condition on a value the question can never take
		"49:26: sections[basics].questions[oversight].when: condition: uses-ai can never be 'maybe' (its options are yes, no)",
		// an invalid severity
		`50:19: sections[basics].questions[oversight].severity: unknown severity "severe" (use low, medium, high or critical)`,
		// a condition on a question asked later
		"56:15: sections[basics].questions[logging].when: condition: later is not asked before this point (a condition can only look at questions asked before it)",
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) != len(want) {
		t.Errorf("%d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if i >= len(lines) {
			break
		}
		if lines[i] != path+":"+w {
			t.Errorf("line %d:\n got %s\nwant %s:%s", i+1, lines[i], path, w)
		}
	}
	if strings.TrimSpace(errOut) != "assay: 13 problems in 1 file" {
		t.Errorf("stderr %q", errOut)
	}
}

func TestLintCleanAndMixedFiles(t *testing.T) {
	s := newCLISession(t)
	good, _ := filepath.Glob(filepath.Join("..", "..", "questionnaires", "testdata", "*.yaml"))
	if len(good) < 5 {
		t.Fatalf("testdata holds %d questionnaires", len(good))
	}
	out := s.ok(append([]string{"lint"}, good...)...)
	if strings.TrimSpace(out) != strconv.Itoa(len(good))+" files, no problems" {
		t.Errorf("clean files: %q", out)
	}
	// One bad file among good ones still fails, and names only the bad file.
	bad := filepath.Join("..", "..", "questionnaires", "testdata", "invalid", "lint-mistakes.yaml")
	code, out, _ := s.run("", "lint", good[0], bad)
	if code != 1 || strings.Contains(out, good[0]+":") || !strings.Contains(out, bad+":") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	// A file that does not exist is an error, not a silent pass.
	if code, _, errOut := s.run("", "lint", "no-such-file.yaml"); code == 0 || !strings.Contains(errOut, "no-such-file.yaml") {
		t.Errorf("missing file: exit %d, %q", code, errOut)
	}
}
