package main

import (
	"strings"
	"testing"
)

// The auditor's verify --checkpoint says in one plain sentence why the
// checkpoint was not recorded: it read "may not change anything (it may
// read and verify) (it has the role auditor)", two brackets in a row.
func TestTeamAuditorCheckpointRefusalReadsAsASentence(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	aud := s.person("aud", "auditor")
	ana.ok("new", "-q", "dpia", "-s", "Payroll system", "--date", "2026-03-01")
	aud.trust(ana)
	r := aud.run("verify", "--checkpoint")
	if !strings.Contains(r.errs, "login "+aud.login+" may not change anything") {
		t.Fatalf("exit %d, the refusal is not the auditor's:\n%s%s", r.code, r.stdout, r.errs)
	}
	if strings.Contains(r.errs, ") (") {
		t.Errorf("two brackets in a row:\n%s", r.errs)
	}
}
