package store

import (
	"path/filepath"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// The durability the README promises rests on these settings, read back
// from the open connection: WAL with synchronous=FULL (2) syncs the log on
// every commit, so a confirmed answer survives a power cut; NORMAL would
// not. busy_timeout makes a second window wait for the lock instead of
// failing; foreign keys keep answers tied to their assessment.
func TestPragmasAsPromised(t *testing.T) {
	db, err := Open(filepath.Join(t.TempDir(), "assay.db"), questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for pragma, want := range map[string]string{
		"journal_mode": "wal",
		"synchronous":  "2",
		"busy_timeout": "5000",
		"foreign_keys": "1",
	} {
		var got string
		if err := db.sql.QueryRow(`PRAGMA ` + pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("PRAGMA %s = %s, want %s", pragma, got, want)
		}
	}
}
