package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A login whose signing key the ledger registers for another name (its
// person's own portfolio, moved in) may not sign a grant with it: a key
// belongs to one person. The refusal named the rule but not the remedy
// docs/team.md gives: assay key new, which gives the login a key of its
// own and keeps the old one trusted, then the grant again. It now says
// so, and the grant, given again after assay key new, is recorded.
func TestTeamGrantRefusedForAnotherNamesKeySuggestsKeyNew(t *testing.T) {
	s := newTeamServer(t)
	file := filepath.Join(t.TempDir(), "assay.db")
	own := procEnv(s.adminDir, file)
	if r := runProc(s.bin, own, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"); r.code != 0 {
		t.Fatalf("assay new: %s", r.errs)
	}
	if r := runProc(s.bin, own, "migrate", "--to", s.su); r.code != 0 {
		t.Fatalf("assay migrate --to: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	ana := s.person("ana")
	r := s.admin("team", "grant", ana.login, "analyst")
	for _, want := range []string{"Dana Reyes", "A key belongs to one person", "assay key new", "assay team grant " + ana.login + " analyst again"} {
		if r.code != 1 || !strings.Contains(r.errs, want) {
			t.Errorf("team grant signed with the key registered for Dana Reyes: exit %d, stderr %q; want exit 1 and %q in it", r.code, r.errs, want)
		}
	}
	if strings.Contains(r.stdout, "COMMIT") {
		t.Errorf("the refused grant printed a committed grant:\n%s", r.stdout)
	}
	if r := s.admin("key", "new"); r.code != 0 {
		t.Fatalf("assay key new: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if r := s.admin("team", "grant", ana.login, "analyst"); r.code != 0 {
		t.Errorf("team grant after assay key new: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
}
