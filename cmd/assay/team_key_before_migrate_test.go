package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// Setting up one's key on the team database, then moving the portfolio
// in, is the order a person follows: assay key registered the key in
// the empty team database's ledger, and assay migrate --to then refused
// it as a database that "already holds a portfolio". On a team database
// that holds none, assay key now shows the key and registers it with the
// first change, so the migration that follows carries the portfolio in
// whole, and it verifies there.
func TestKeyOnTheTeamDatabaseThenMigrateTo(t *testing.T) {
	s := newTeamServer(t)
	owner := s.person("owner", "owner", "analyst", "approver")
	dir := t.TempDir()
	file := filepath.Join(dir, "assay.db")
	env := withEnv(procEnv(dir, file), "PGPASSFILE", filepath.Join(owner.dir, "pgpass"))
	s.trustTheAdmin(dir) // who signed the owner's grant
	run := runsOK(t, s.bin)
	id := strings.TrimSpace(run(env, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	run(env, "answer", id, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))
	onServer := withEnv(env, "ASSAY_DB", owner.dsn)
	out := run(onServer, "key")
	if !strings.Contains(out, "Fingerprint: ") || !strings.Contains(out, "Not registered in ") || !strings.Contains(out, "it holds no portfolio yet") {
		t.Errorf("assay key on the empty team database:\n%s", out)
	}
	if out := run(env, "migrate", "--to", owner.dsn); !strings.Contains(out, "1 assessment") || !strings.Contains(out, "intact") {
		t.Errorf("migrate --to after assay key there: %s", out)
	}
	if out := run(onServer, "verify"); !strings.Contains(out, "Audit trail intact: 1 assessment") {
		t.Errorf("verify on the team database: %s", out)
	}
}
