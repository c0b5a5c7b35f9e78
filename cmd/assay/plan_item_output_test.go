package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -o and --csv write the plan's listing; --item changes one item and
// shows it. Given together, assay plan recorded the change, wrote no file
// and exited 0: a person who asked for the plan as CSV after a change
// found no file, and the item shown on the terminal instead. They are
// refused together, before anything is recorded.
func TestPlanItemChangeRefusesListingFlags(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	out := filepath.Join(t.TempDir(), "plan.csv")
	for _, extra := range [][]string{{"--csv"}, {"-o", out}, {"--csv", "-o", out}} {
		args := append([]string{"plan", id, "--item", "mfa", "--owner", "Sam Ortiz"}, extra...)
		s.fails("nothing was recorded", args...)
		if _, err := os.Stat(out); err == nil {
			t.Errorf("assay %s wrote %s", strings.Join(args, " "), out)
		}
	}
	if owner := readPlanCSV(t, s.ok("plan", id, "--csv"))["mfa"]["Owner"]; owner != "" {
		t.Errorf("a refused change was recorded: mfa's owner is %q", owner)
	}
}
