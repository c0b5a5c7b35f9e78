package main

import (
	"strings"
	"testing"
)

// assay migrate --to from a file whose lock trigger and index were
// dropped with sqlite3, as a person would meet it: the portfolio is
// copied and verifies in the team database, and assay then says, in the
// words and shape it uses for a team database copied from, that the copy
// is sound but the file's own verify fails, what it names, and the
// command that shows it; the command it names says the same of the file.
// Before, the move said "Verified" and nothing of the file.
func TestMigrateToFromAFileWhoseProtectionsChangedSaysSo(t *testing.T) {
	s, owner, env := portfolioToMove(t, 1, 1)
	var file string // the file portfolioToMove made, as ASSAY_DB names it
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "ASSAY_DB="); ok {
			file = v
		}
	}
	raw := rawSQLite(t, file)
	for _, stmt := range []string{`DROP TRIGGER answers_locked_update`, `DROP INDEX assessments_subject`} {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()

	r := runProc(s.bin, env, "migrate", "--to", owner.dsn)
	if r.code != 0 {
		t.Fatalf("migrate --to: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if !strings.Contains(r.stdout, "Verified in") {
		t.Errorf("migrate --to does not say the copy verified:\n%s", r.stdout)
	}
	verifyIt := "assay --db '" + file + "' verify"
	want := "The copy is sound, but the protections of " + file + " were changed outside assay, so its own verify fails: " +
		"the trigger answers_locked_update was dropped outside assay"
	var said string
	for _, line := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(line, "The copy is sound") {
			said = line
		}
	}
	if !strings.HasPrefix(said, want) || !strings.HasSuffix(said, ". Run "+verifyIt+" to see it there.") {
		t.Errorf("migrate --to says:\n%s\nwant a line beginning %q and ending %q", r.stdout, want, ". Run "+verifyIt+" to see it there.")
	}
	if n := teamRowCounts(t, s)["assessments"]; n != 1 {
		t.Errorf("after the move the team database holds %d assessments; want the one moved", n)
	}
	// The command it names says the same of the file.
	if v := runProc(s.bin, env, "--db", file, "verify"); v.code == 0 || !strings.Contains(v.stdout+v.errs, "the trigger answers_locked_update was dropped outside assay") {
		t.Errorf("%s: exit %d\n%s%s", verifyIt, v.code, v.stdout, v.errs)
	}
}
