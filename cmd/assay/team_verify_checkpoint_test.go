package main

import (
	"strings"
	"testing"
)

// On a team database, as a team uses it: each analyst or approver records
// verify checkpoints with their own key and starts their incremental
// verifies from their own; a colleague's checkpoint, even from a key they
// trust, is not theirs. An auditor changes nothing, a checkpoint
// included: their verify still runs and says all is intact, and says the
// checkpoint was not recorded and why.
func TestTeamVerifyCheckpointsAreEachLogins(t *testing.T) {
	s := newTeamServer(t)
	ana, dee, aud := s.person("ana", "analyst"), s.person("dee", "approver"), s.person("aud", "auditor")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd")

	if out := ana.ok("verify", "--checkpoint"); !strings.Contains(out, "Verify checkpoint recorded: ledger entry") {
		t.Fatalf("%s's verify --checkpoint:\n%s", ana.login, out)
	}
	if out := ana.ok("verify", "--incremental"); !strings.Contains(out, "Incremental: checked what changed since your verify checkpoint") {
		t.Errorf("%s's verify --incremental:\n%s", ana.login, out)
	}
	dee.trust(ana)
	if out := dee.ok("verify", "--incremental", "--checkpoint"); !strings.Contains(out, "Checked everything: there is no verify checkpoint of yours in this database.") ||
		!strings.Contains(out, "Verify checkpoint recorded") {
		t.Errorf("%s's verify --incremental --checkpoint after %s's checkpoint:\n%s", dee.login, ana.login, out)
	}
	if out := dee.ok("verify", "--incremental"); !strings.Contains(out, "since your verify checkpoint") {
		t.Errorf("%s's verify --incremental from their own checkpoint:\n%s", dee.login, out)
	}

	aud.trust(ana)
	aud.trust(dee)
	r := aud.run("verify", "--checkpoint")
	if r.code != 0 || !strings.Contains(r.stdout, "Audit trail intact: 1 assessment, 1 subject") || strings.Contains(r.stdout, "checkpoint recorded") ||
		!strings.Contains(r.errs, "the verify checkpoint was not recorded") || !strings.Contains(r.errs, "auditor") {
		t.Errorf("an auditor's verify --checkpoint: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
}
