package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An archived assessment (set aside as started by mistake) took answers
// from assay answer, plan changes, explanations and files for its vendor,
// though only its signing was refused. Each is now refused, saying it is
// archived and how to restore it, and records nothing; reading, reporting
// and exporting it still work.
func TestAnArchivedAssessmentTakesNoChangeAndStillReads(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	db := s.openStore()
	if err := db.SetArchived(context.Background(), 1, true); err != nil {
		t.Fatal(err)
	}
	db.Close()
	dir := t.TempDir()
	answers := filepath.Join(dir, "answers.yaml")
	if err := os.WriteFile(answers, []byte("answers:\n  encryption: no\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	trail := s.ok("history", id)
	plan := s.ok("plan", id, "--csv")
	const refused = "assessment 1 is archived (set aside as started by mistake) and takes no change; restore it first (A on the home screen lists the archived ones, and a on one restores it)"
	sent := filepath.Join(dir, "vendor.yaml")
	for _, args := range [][]string{
		{"answer", id, "--file", answers},
		{"answer", id, "--file", answers, "--overwrite"},
		{"plan", id, "--item", "mfa", "--owner", "Sam Ortiz"},
		{"plan", id, "--item", "mfa", "--milestone", "2026-04-01 Enforce MFA"},
		{"explain", id, "groups-tested-yet-none-compared", "Because"},
		{"send", id, "-o", sent},
	} {
		code, out, errOut := s.run("", args...)
		if code != 1 || !strings.Contains(errOut, refused) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("assay %s: exit %d, stdout %q, stderr %q; want exit 1 and one line saying %q", strings.Join(args, " "), code, out, errOut, refused)
		}
	}
	if _, err := os.Stat(sent); !os.IsNotExist(err) {
		t.Errorf("a file for the vendor of an archived assessment was written (%v)", err)
	}
	if now := s.ok("history", id); now != trail {
		t.Errorf("the trail of an archived assessment changed:\n%s\nnow\n%s", trail, now)
	}
	if now := s.ok("plan", id, "--csv"); now != plan {
		t.Errorf("the plan of an archived assessment changed:\n%s\nnow\n%s", plan, now)
	}
	// What reads it is not refused.
	s.ok("score", id)
	s.ok("plan", id)
	s.ok("report", id, "-o", filepath.Join(dir, "report.md"))
	s.ok("export", id, "-o", filepath.Join(dir, "export.json"))
	if !strings.Contains(s.ok("list", "--all"), "archived") {
		t.Errorf("assay list --all does not show the assessment archived:\n%s", s.ok("list", "--all"))
	}
}
