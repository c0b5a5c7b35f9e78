package main

import (
	"strings"
	"testing"
)

// With $ASSAY_DB naming the team database, as docs/team.md's profile
// sets it, assay migrate --from without --db names no file: the refusal
// says that $ASSAY_DB named the team database and that --db names the
// file, not that a --db nobody gave names a team database. Nothing is
// connected to: the refusal comes first.
func TestMigrateAndBackupWithTheTeamInAssayDBSaySo(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	team := "postgres://ana@db.invalid/privacy"
	r := runProc(bin, procEnv(dir, team), "migrate", "--from", team)
	if r.code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", r.code, r.stdout, r.errs)
	}
	for _, want := range []string{"$ASSAY_DB names a team database", "--db FILE"} {
		if !strings.Contains(r.errs, want) {
			t.Errorf("the refusal does not say %q:\n%s", want, r.errs)
		}
	}
	// assay backup, which refuses a team database, says the same.
	r = runProc(bin, procEnv(dir, team), "backup", "copy.db")
	if r.code != 1 || !strings.Contains(r.errs, "$ASSAY_DB names a team database") {
		t.Errorf("assay backup: exit %d\n%s", r.code, r.errs)
	}
	// Given with --db, it is --db that names it.
	r = runProc(bin, procEnv(dir, ""), "--db", team, "migrate", "--from", team)
	if r.code != 1 || !strings.Contains(r.errs, "--db names a team database") {
		t.Errorf("with --db: exit %d\n%s", r.code, r.errs)
	}
}
