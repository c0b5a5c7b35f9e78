package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeOutsideAssay runs statements on the database as the sqlite3 shell
// would: someone's own analysis beside the portfolio, or a change to it.
func writeOutsideAssay(t *testing.T, db string, stmts ...string) {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+db)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, stmt := range stmts {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
}

// copyDatabase copies a database no process has open (no -wal beside it)
// to a new file in dir, for one case of a test to change.
func copyDatabase(t *testing.T, db, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(db + "-wal"); err == nil {
		t.Fatalf("%s has a -wal beside it: a copy of the file alone would miss its last commits", db)
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// withDB is env with ASSAY_DB naming db.
func withDB(env []string, db string) []string {
	out := []string{"ASSAY_DB=" + db}
	for _, kv := range env {
		if !strings.HasPrefix(kv, "ASSAY_DB=") {
			out = append(out, kv)
		}
	}
	return out
}

// A table, view or index someone added to a portfolio (their own
// analysis, with the sqlite3 shell) cannot change what assay writes:
// verify still says the trail is intact, and names each, so that nothing
// in the file goes unmentioned. A trigger can change what assay writes,
// and fails verify, whatever table it is on. A file whose application ID
// is no longer assay's (0: the header was rewritten, or the file rebuilt
// from a dump) is not the file assay wrote: verify fails, naming it.
func TestVerifyNamesWhatAssayDidNotMake(t *testing.T) {
	bin, dir, db, env := binaryWithAssessment(t)
	if r := runProc(bin, env, "verify"); r.code != 0 {
		t.Fatalf("verify of the database as made: exit %d\n%s", r.code, r.errs)
	}

	own := copyDatabase(t, db, dir, "own.db")
	writeOutsideAssay(t, own,
		`CREATE TABLE my_scores (vendor TEXT, score INTEGER)`,
		`CREATE VIEW late_vendors AS SELECT subject FROM assessments WHERE status = 'draft'`,
		`CREATE INDEX my_reviewer_index ON assessments (reviewer)`)
	r := runProc(bin, withDB(env, own), "verify")
	if r.code != 0 || !strings.HasPrefix(r.stdout, "Audit trail intact: 1 assessment, 1 subject") {
		t.Fatalf("verify with a table, view and index of the user's own: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	for _, want := range []string{"assay did not make", "index my_reviewer_index", "table my_scores", "view late_vendors"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("verify does not say %q:\n%s", want, r.stdout)
		}
	}

	for _, c := range []struct {
		name  string
		stmts []string
		want  []string
	}{
		{"trigger on the user's own table", []string{
			`CREATE TABLE my_notes (note TEXT)`,
			`CREATE TRIGGER my_notes_touch AFTER INSERT ON my_notes BEGIN UPDATE assessments SET reviewer = 'Mallory'; END`,
		}, []string{"the trigger my_notes_touch was added outside assay"}},
		{"application ID zero", []string{`PRAGMA application_id = 0`},
			[]string{"application ID is 0", "not assay's", "outside assay"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			changed := copyDatabase(t, db, t.TempDir(), "changed.db")
			writeOutsideAssay(t, changed, c.stmts...)
			r := runProc(bin, withDB(env, changed), "verify")
			if r.code != 1 || strings.Contains(r.stdout, "intact") {
				t.Fatalf("verify: exit %d, want 1 and no word of an intact trail\n%s%s", r.code, r.stdout, r.errs)
			}
			for _, want := range c.want {
				if !strings.Contains(r.errs, want) {
					t.Errorf("verify does not say %q:\n%s", want, r.errs)
				}
			}
		})
	}
}

// A portfolio whose application ID was taken away does not verify, and
// assay backup says so, as of any database that does not verify, rather
// than call its copy another program's; with --unverified it keeps the
// copy as it is, mark and all, so that the state is kept before anyone
// looks into it.
func TestBackupOfAnUnmarkedDatabaseKeepsItUnverified(t *testing.T) {
	bin, dir, db, env := binaryWithAssessment(t)
	unmarked := copyDatabase(t, db, dir, "unmarked.db")
	writeOutsideAssay(t, unmarked, `PRAGMA application_id = 0`)
	env = withDB(env, unmarked)
	r := runProc(bin, env, "backup", filepath.Join(dir, "backup.db"))
	if r.code != 1 || !strings.Contains(r.errs, "the copy does not verify") || !strings.Contains(r.errs, "application ID is 0") || !strings.Contains(r.errs, "--unverified") {
		t.Errorf("backup of the unmarked database: exit %d, want 1 naming the application ID and --unverified\n%s", r.code, r.errs)
	}
	kept := filepath.Join(dir, "kept.db")
	if r := runProc(bin, env, "backup", "--unverified", kept); r.code != 0 {
		t.Fatalf("backup --unverified of the unmarked database: exit %d\n%s", r.code, r.errs)
	}
	r = runProc(bin, withDB(env, kept), "verify")
	if r.code != 1 || !strings.Contains(r.errs, "application ID is 0") {
		t.Errorf("verify of the copy kept: exit %d, want 1 naming the application ID\n%s%s", r.code, r.stdout, r.errs)
	}
}
