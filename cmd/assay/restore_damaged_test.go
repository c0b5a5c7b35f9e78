package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The restore steps start with assay --db FILE verify: a backup that
// passes is copied into place. A backup damaged since it was made (a bit
// flipped on the disk or stick it was kept on, a page edited by hand) in
// a part verify's reads never reach, an index, was called intact: verify
// read the tables, not the file, and SQLite's own integrity check, which
// assay backup runs on every copy it makes, finds the damage at once. An
// index that disagrees with its table gives wrong answers to the queries
// that use it, in the restored portfolio. verify now runs that check too,
// and says the file is damaged.
func TestVerifyOfADamagedBackupSaysItIsDamaged(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	file := filepath.Join(t.TempDir(), "portfolio-2026-03-15.db")
	s.ok("backup", file)
	if out := s.ok("--db", file, "verify"); !strings.HasPrefix(out, "Audit trail intact") {
		t.Fatalf("verify of the backup before it was damaged: %s", out)
	}

	damageIndexPage(t, file, "subjects_name")
	if problems := integrityCheck(t, file); problems == "ok" {
		t.Fatal("the damage planted in the index is not damage SQLite's integrity check finds: the test damages nothing")
	}
	code, out, errOut := s.run("", "--db", file, "verify")
	if code == 0 || strings.Contains(out, "intact") {
		t.Errorf("verify of a backup that fails SQLite's integrity check: exit %d, it says\n%s%s", code, out, errOut)
	}
	for _, want := range []string{file + " is damaged", "integrity check", "subjects_name"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("verify of a damaged backup says %q; want %q in it", errOut, want)
		}
	}
}

// damageIndexPage flips the last bytes of index's root page in the
// database at path: where SQLite keeps the index's first entry (the rowid
// it points to, and the end of its key), so that the entry no longer
// matches its table's row. The file stays a database SQLite opens, and
// every table reads as it did.
func damageIndexPage(t *testing.T, path, index string) {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	var root, pageSize int64
	err = raw.QueryRow(`SELECT rootpage FROM sqlite_master WHERE type = 'index' AND name = ?`, index).Scan(&root)
	if err == nil {
		err = raw.QueryRow(`PRAGMA page_size`).Scan(&pageSize)
	}
	raw.Close()
	if err != nil {
		t.Fatalf("finding index %s in %s: %v", index, path, err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	end := root*pageSize - 4
	b := make([]byte, 4)
	if _, err := f.ReadAt(b, end); err != nil {
		t.Fatal(err)
	}
	for i := range b {
		b[i] ^= 0x5a
	}
	if _, err := f.WriteAt(b, end); err != nil {
		t.Fatal(err)
	}
}

// integrityCheck is what SQLite's integrity check says of the database
// at path: "ok", or its first problems.
func integrityCheck(t *testing.T, path string) string {
	t.Helper()
	raw, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rows, err := raw.Query(`PRAGMA integrity_check(3)`)
	if err != nil {
		return err.Error()
	}
	defer rows.Close()
	var found []string
	for rows.Next() {
		var p string
		if err := rows.Scan(&p); err != nil {
			return err.Error()
		}
		found = append(found, p)
	}
	return strings.Join(found, "; ")
}
