package main

import (
	"slices"
	"strings"
	"testing"
)

// The commands readsOnly names say a team database out of reach as what
// they could not read (store.OpenTeamToRead), so none may write: each is
// run, on a portfolio with an answered assessment and a second one of its
// subject, and the database must be as it was, whatever the command
// printed. assay team list wants a team database and refuses a file,
// which must change nothing either. The flag readsOnly names as making a
// command write must change it: else the command is said as a write
// for nothing.
func TestReadOnlyCommandsLeaveTheDatabaseAsItWas(t *testing.T) {
	s := newCLISession(t)
	one := s.worstCase("vendor-security-screen")
	two := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Subject vendor-security-screen", "--date", "2026-03-02"))
	s.ok("list") // anything a first read does once (a rescore) is done before the digest
	before := s.dbDigest()
	runs := map[string][]string{
		"assay list":         {"list", "--all"},
		"assay report":       {"report", one},
		"assay verify":       {"verify"},
		"assay history":      {"history", one},
		"assay diff":         {"diff", one, two},
		"assay export":       {"export", one},
		"assay score":        {"score", one},
		"assay coverage":     {"coverage", one},
		"assay due":          {"due"},
		"assay overdue":      {"overdue"},
		"assay subject list": {"subject", "list"},
		"assay subject show": {"subject", "show", "Subject vendor-security-screen"},
		"assay team list":    {"team", "list"},
	}
	for path := range readsOnly {
		args, ok := runs[path]
		if !ok {
			t.Errorf("%s is named as a command that only reads, and this test does not run it", path)
			continue
		}
		code, _, errOut := s.run("", args...)
		if code != 0 && path != "assay team list" {
			t.Errorf("assay %s: exit %d: %s", strings.Join(args, " "), code, errOut)
		}
		if s.dbDigest() != before {
			t.Fatalf("assay %s changed the database, but readsOnly names it as a command that only reads", strings.Join(args, " "))
		}
	}
	for path := range runs {
		if _, ok := readsOnly[path]; !ok {
			t.Errorf("the test runs %s, which readsOnly does not name", path)
		}
	}
	for path, writes := range readsOnly {
		if writes == "" {
			continue
		}
		args := append(slices.Clone(runs[path]), "--"+writes)
		s.ok(args...)
		if s.dbDigest() == before {
			t.Errorf("assay %s left the database as it was, but readsOnly names --%s as making it write", strings.Join(args, " "), writes)
		}
	}
}
