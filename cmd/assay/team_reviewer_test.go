package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// An analyst who signs with --reviewer naming another login (to approve
// as the approver, or to submit or withdraw as a colleague) is told that
// --reviewer is refused in team mode, as every other command says: not
// "signing needs a name: pass --reviewer NAME", which sends them to the
// very flag the team refuses. The DPO's opinion is held to it too, and
// nothing is signed.
func TestTeamSigningWithAnotherLoginsNameIsRefusedAsSuch(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	dee := s.person("dee", "approver")
	id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	ana.ok("answer", id, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	dpia := strings.TrimSpace(ana.ok("new", "-q", "dpia", "-s", "HR system", "--date", "2026-03-01"))

	for _, args := range [][]string{
		{"--reviewer", dee.login, "review", id, "--submit", "--accept-unconfirmed"},
		{"--reviewer", dee.login, "review", id, "--approve", "--accept-unconfirmed"},
		{"--reviewer", dee.login, "dpo", dpia, "--opinion", "favourable"},
	} {
		r := ana.run(args...)
		if r.code == 0 || !strings.Contains(r.errs, "--reviewer "+dee.login+" is refused") || strings.Contains(r.errs, "signing needs a name") {
			t.Errorf("assay %s as %s: exit %d, said %s", strings.Join(args[2:], " "), ana.login, r.code, r.errs)
		}
	}
	if out := ana.ok("list"); !strings.Contains(out, "draft") || strings.Contains(out, "review") {
		t.Errorf("something was signed:\n%s", out)
	}
}
