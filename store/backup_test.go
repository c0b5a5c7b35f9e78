package store

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A copy BackupInto wrote passes CheckBackup and holds the database's
// ledger head; a copy damaged afterwards (a page overwritten), one
// missing a migration, and one that is not marked as assay's are each
// refused, naming what is wrong.
func TestCheckBackupRefusesADamagedCopy(t *testing.T) {
	db, q := testDB(t)
	defer db.Close()
	newAssessment(t, db, q, "Acme Cloud Ltd", assess.NewDate(2026, 3, 1), completeAnswers())
	dir := t.TempDir()
	copyOf := func(name string) string {
		path := filepath.Join(dir, name)
		if err := db.BackupInto(t.Context(), path, path); err != nil {
			t.Fatal(err)
		}
		return path
	}
	good := copyOf("good.db")
	if err := CheckBackup(t.Context(), good); err != nil {
		t.Fatalf("a fresh copy: %v", err)
	}
	seq, hash, err := db.LedgerHead(t.Context())
	if err != nil || seq == 0 || len(hash) != 64 {
		t.Fatalf("ledger head %d %q: %v", seq, hash, err)
	}

	damaged := copyOf("damaged.db")
	b, err := os.ReadFile(damaged)
	if err != nil {
		t.Fatal(err)
	}
	for i := 4096 + 200; i < 3*4096; i++ { // past the first page: the schema stays readable
		b[i] ^= 0x5a
	}
	if err := os.WriteFile(damaged, b, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := CheckBackup(t.Context(), damaged); err == nil {
		t.Error("a copy with two pages overwritten passed CheckBackup")
	}

	old := copyOf("old.db")
	raw, err := sql.Open("sqlite", old)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckBackup(t.Context(), old); err == nil || !strings.Contains(err.Error(), "lacks schema") {
		t.Errorf("a copy missing a migration: %v", err)
	}

	// A copy marked as another program's is refused; one whose mark is
	// gone (0) is a copy of a database whose mark was taken away, which
	// verify names and --unverified keeps
	// (TestBackupOfAnUnmarkedDatabaseKeepsItUnverified).
	foreign := copyOf("foreign.db")
	raw, err = sql.Open("sqlite", foreign)
	if err != nil {
		t.Fatal(err)
	}
	_, err = raw.Exec(`PRAGMA application_id = 1234`)
	raw.Close()
	if err != nil {
		t.Fatal(err)
	}
	if err := CheckBackup(t.Context(), foreign); err == nil || !strings.Contains(err.Error(), "not marked as an assay database") {
		t.Errorf("a copy with another program's application ID: %v", err)
	}
}
