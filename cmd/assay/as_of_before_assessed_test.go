package main

import (
	"strings"
	"testing"
)

// --as-of a day before the assessment's date asks for the assessment as
// it was before it existed: the report said "report date 2026-02-01" on
// an assessment dated 2026-03-01, a committee read a report dated before
// the assessment it reports. Every command that takes --as-of for one
// assessment refuses such a day, naming the assessment's date, and
// takes the assessment's own day.
func TestAsOfBeforeTheAssessmentIsRefused(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	earlier := s.start("vendor-tiering", "Acme Cloud Ltd", "2025-03-01", tieringAnswers)
	want := "--as-of: 2026-02-28 is before assessment " + id + " was assessed, on 2026-03-01"
	for _, args := range [][]string{
		{"report", id, "--as-of", "2026-02-28"},
		{"report", id, "--as-of", "2026-02-28", "--format", "html", "-o", t.TempDir() + "/r.html"},
		{"plan", id, "--as-of", "2026-02-28"},
		{"plan", id, "--item", "mfa", "--owner", "IT Ops", "--as-of", "2026-02-28"},
		{"score", id, "--as-of", "2026-02-28"},
		{"score", id, "--explain", "--as-of", "2026-02-28"},
		{"diff", earlier, id, "--as-of", "2026-02-28"},
	} {
		code, out, errOut := s.run("", args...)
		if code == 0 || !strings.Contains(errOut, want) {
			t.Errorf("assay %s: exit %d, want a refusal saying %q\nstdout: %.500s\nstderr: %s", strings.Join(args, " "), code, want, out, errOut)
		}
	}
	if out := s.ok("plan", id, "--csv"); strings.Contains(out, "IT Ops") {
		t.Errorf("the refused change was recorded:\n%s", out)
	}
	// The assessment's own day is a day it existed on.
	if out := s.ok("report", id, "--as-of", "2026-03-01"); !strings.Contains(out, "2026-03-01") {
		t.Errorf("the report as of the assessment's day:\n%.800s", out)
	}
}
