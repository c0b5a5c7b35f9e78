package main

import (
	"strings"
	"testing"
)

// assay migrate --to from a file whose lock trigger and index were
// dropped with sqlite3 is refused, as a person would meet it: it says
// what is wrong with the file and the verify command that shows it, the
// team database holds nothing after, and the command it names says the
// same of the file. Before, the move went ahead and said "Verified".
func TestMigrateToFromAFileWhoseProtectionsChangedIsRefused(t *testing.T) {
	s, owner, env := portfolioToMove(t, 1, 1)
	before := teamRowCounts(t, s)
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
	verifyIt := "assay --db '" + file + "' verify"
	if r.code == 0 {
		t.Fatalf("migrate --to from a file whose trigger and index were dropped succeeded:\n%s%s", r.stdout, r.errs)
	}
	for _, want := range []string{"nothing was copied", "the protections of " + file + " were changed outside assay",
		"the trigger answers_locked_update was dropped outside assay", "run " + verifyIt + " to see it there", "is as it was"} {
		if !strings.Contains(r.errs, want) {
			t.Errorf("migrate --to says:\n%s\nwant %q in it", r.errs, want)
		}
	}
	if strings.Contains(r.stdout, "Verified") {
		t.Errorf("migrate --to says the copy verified:\n%s", r.stdout)
	}
	for table, n := range teamRowCounts(t, s) {
		if n != before[table] {
			t.Errorf("after the refused move the team database's %s holds %d rows; it held %d before", table, n, before[table])
		}
	}
	// The command it names says the same of the file.
	if v := runProc(s.bin, env, "verify"); v.code == 0 || !strings.Contains(v.stdout+v.errs, "the trigger answers_locked_update was dropped outside assay") {
		t.Errorf("%s: exit %d\n%s%s", verifyIt, v.code, v.stdout, v.errs)
	}
}
