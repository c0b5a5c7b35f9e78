package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A portfolio an older assay wrote with invisible characters in its
// names (store/testdata/invisible-names.sql) moves to the team database
// and back as it is: the names stay as recorded, both verify, and the
// subject is edited on the server without renaming it.
func TestMigrateCarriesNamesRecordedWithInvisibleCharacters(t *testing.T) {
	s := newTeamServer(t)
	owner := s.person("owner", "owner", "analyst", "approver")
	dir := t.TempDir()
	file := filepath.Join(dir, "assay.db")
	loadDump(t, filepath.Join("..", "..", "store", "testdata", "invisible-names.sql"), file)
	env := withEnv(procEnv(dir, file), "PGPASSFILE", filepath.Join(owner.dir, "pgpass"))
	s.trustTheAdmin(dir) // who signed the owner's grant
	run := runsOK(t, s.bin)
	run(env, "key", "trust", oldSigner, oldSignerPK)
	before := portfolioReports(t, s.bin, env, 2)
	run(env, "migrate", "--to", owner.dsn)
	onServer := withEnv(env, "ASSAY_DB", owner.dsn)
	if !sameReports(t, "on the team database", before, portfolioReports(t, s.bin, onServer, 2)) {
		return
	}
	if out := run(onServer, "subject", "list", "--json"); !strings.Contains(out, `"name": "`+oldSubject+`"`) {
		t.Errorf("the team database does not hold the names as recorded:\n%s", out)
	}
	run(onServer, "verify")
	run(onServer, "key")
	run(onServer, "subject", "edit", oldSubject, "--notes", "Renewal in May")
	run(onServer, "verify")

	back := withEnv(env, "ASSAY_DB", filepath.Join(t.TempDir(), "back.db"))
	run(back, "migrate", "--from", owner.dsn)
	if out := run(back, "subject", "show", "1"); !strings.Contains(out, "Acme Cloud") || !strings.Contains(out, "Renewal in May") {
		t.Errorf("back in a file:\n%s", out)
	}
	run(back, "verify")
}
