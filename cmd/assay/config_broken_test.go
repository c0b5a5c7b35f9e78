package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// A settings file that does not load stops every command that opens the
// portfolio, naming the file, line and field, and changes nothing. It
// used to stop only the commands that read it first: assay answer with a
// misspelt key beside "reviewer: Jane Analyst" recorded the answer as the
// login name, and four_eyes: true was silently off.
func TestABrokenSettingsFileStopsEveryCommandThatOpensThePortfolio(t *testing.T) {
	s := newCLISession(t)
	delete(s.env, "ASSAY_REVIEWER") // the reviewer comes from the settings file
	good := writeFile(t, t.TempDir(), "config.yaml", "reviewer: Jane Analyst\nfour_eyes: true\n")
	broken := writeFile(t, t.TempDir(), "config.yaml", "reviewer: Jane Analyst\nfour_eyes: true\ncolour: blue\n")
	s.env["ASSAY_CONFIG"] = good
	id := s.start("scoring-basics", "Acme", "2026-01-10", "mfa: no")
	answers := writeFile(t, t.TempDir(), "answers.yaml", "answers:\n  mfa: yes\n")
	before := s.dbDigest()

	s.env["ASSAY_CONFIG"] = broken
	c := hostileCase{name: "unknown key", want: []string{"FILE:3:1:", `unknown field "colour"`}}
	for _, args := range [][]string{
		{"answer", id, "-f", answers},
		{"plan", id},
		{"review", id, "--submit"},
		{"list"},
		{"score", id},
		{"report", id},
		{"export", id},
		{"verify"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			checkRefused(t, s, before, c, broken, append([]string{"--questionnaires", testdataQuestionnaires}, args...)...)
		})
	}

	// The same change with the file mended is recorded in the settings
	// file's name.
	s.env["ASSAY_CONFIG"] = good
	s.ok("--questionnaires", testdataQuestionnaires, "answer", id, "-f", answers)
	if got := eventActors(t, s, id); !slices.Equal(got, []string{"Jane Analyst", "Jane Analyst", "Jane Analyst"}) {
		t.Errorf("the audit trail records the changes as %q, not as the settings file's reviewer", got)
	}
}

// Settings for a questionnaire of a folder this command was not given do
// not cost the reviewer: the answer is still recorded in the settings
// file's name (only assay new, which uses those settings, needs the
// questionnaire).
func TestTheReviewerSurvivesSettingsForAnotherFoldersQuestionnaire(t *testing.T) {
	s := newCLISession(t)
	delete(s.env, "ASSAY_REVIEWER")
	s.env["ASSAY_CONFIG"] = writeFile(t, t.TempDir(), "config.yaml", "reviewer: Jane Analyst\nquestionnaires:\n  scoring-basics:\n    deadlines: {high: 4}\n")
	id := s.start("scoring-basics", "Acme", "2026-01-10", "")
	answers := writeFile(t, t.TempDir(), "answers.yaml", "answers:\n  mfa: no\n")
	s.ok("answer", id, "-f", answers) // no --questionnaires
	if got := eventActors(t, s, id); !slices.Equal(got, []string{"Jane Analyst", "Jane Analyst"}) {
		t.Errorf("the audit trail records the changes as %q, not as the settings file's reviewer", got)
	}
}

// eventActors are the actors of an assessment's audit records, in order,
// as assay export writes them.
func eventActors(t *testing.T, s *cliSession, id string) []string {
	t.Helper()
	var exported struct {
		Events []struct {
			Actor string `json:"actor"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(s.ok("export", id)), &exported); err != nil {
		t.Fatal(err)
	}
	var actors []string
	for _, e := range exported.Events {
		actors = append(actors, e.Actor)
	}
	return actors
}

// The commands that never open the portfolio do not read the settings
// file, so a broken one does not stop them.
func TestCommandsThatDoNotOpenThePortfolioIgnoreABrokenSettingsFile(t *testing.T) {
	s := newCLISession(t)
	s.env["ASSAY_CONFIG"] = writeFile(t, t.TempDir(), "config.yaml", "reviewer: Jane Analyst\ncolour: blue\n")
	if out := s.ok("questionnaires"); !strings.Contains(out, "vendor-security-screen") {
		t.Errorf("assay questionnaires did not list the built-ins:\n%s", out)
	}
	s.ok("lint", filepath.Join(testdataQuestionnaires, "conditions.yaml"))
	out := filepath.Join(t.TempDir(), "converted.yaml")
	s.ok("convert", filepath.Join(convertTestdata, "ciso", "nist-sp-800-66-rev2.yaml"), "-o", out)
	if _, err := os.Stat(out); err != nil {
		t.Errorf("assay convert wrote nothing: %v", err)
	}
}
