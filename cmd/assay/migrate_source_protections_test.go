package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/store"
)

// assay migrate --from a team database whose protections a DBA changed
// outside assay (an index and a CHECK constraint dropped; no record
// touched) copies the portfolio, which verifies in the file, and then
// says in one line that the copy is sound but the original's own verify
// fails, what it names, and the command that shows it. It printed
// "Verified" and nothing of the server the person was moving off.
func TestMigrateFromATeamDatabaseWhoseProtectionsChangedSaysSo(t *testing.T) {
	s := newTeamServer(t)
	owner := s.person("owner", "owner", "analyst")
	owner.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	for _, stmt := range []string{`DROP INDEX assessments_subject`,
		`ALTER TABLE assessments DROP CONSTRAINT assay_archived_is_0_or_1`} {
		if _, err := s.raw.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	file := filepath.Join(t.TempDir(), "archive.db")
	r := runProc(s.bin, withEnv(owner.env, "ASSAY_DB", file), "migrate", "--from", owner.dsn)
	if r.code != 0 {
		t.Fatalf("migrate --from: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	verifyIt := "assay --db '" + store.Redact(owner.dsn) + "' verify"
	var said string
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(line, "The copy is sound") {
			said = line
		}
	}
	for _, want := range []string{
		"the index assessments_subject was dropped or changed outside assay",
		"the constraint assay_archived_is_0_or_1 on table assessments was dropped or changed outside assay",
		verifyIt,
	} {
		if !strings.Contains(said, want) {
			t.Errorf("migrate --from says:\n%s\nwant a line beginning \"The copy is sound\" with %q in it", r.stdout, want)
		}
	}
	if !strings.Contains(r.stdout, "Verified in") {
		t.Errorf("migrate --from does not say the copy verified:\n%s", r.stdout)
	}
	t.Log(said)
	// The command it names is one a person can run, and says the same.
	v := runProc(s.bin, owner.env, "--db", store.Redact(owner.dsn), "verify")
	if v.code != 1 || !strings.Contains(v.stdout+v.errs, "the index assessments_subject was dropped or changed outside assay") {
		t.Errorf("%s: exit %d\n%s%s", verifyIt, v.code, v.stdout, v.errs)
	}
	if !strings.Contains(said, "Run "+verifyIt+" to see it there.") {
		t.Errorf("the command is not said as one to run: %s", said)
	}
	// The copy itself verifies.
	if v := runProc(s.bin, withEnv(owner.env, "ASSAY_DB", file), "verify"); v.code != 0 {
		t.Errorf("verify of the copy: exit %d\n%s%s", v.code, v.stdout, v.errs)
	}
}
