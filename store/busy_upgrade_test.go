package store

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/assay-dev/assay/questionnaires"
)

// olderDatabase writes, at a new path, the database an assay from before
// the signed ledger left: opening it applies migrations and scores its
// summaries again, both of which need the write lock.
func olderDatabase(t *testing.T) string {
	t.Helper()
	return fromDump(t, "before-signing.sql")
}

// fromDump writes, at a new path, the database a dump in testdata holds.
func fromDump(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "assay.db")
	dump, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	raw := rawOpen(t, path)
	mustExec(t, raw, string(dump))
	if err := raw.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

// Several windows started together after an upgrade each bring the
// database up to date in turn, and one of them may hold the write lock
// for longer than a save does (a large portfolio's migration or rescore).
// The others wait for it instead of giving up after the busy timeout
// meant for a single write: here another process holds the lock for six
// times that timeout, and opening and rescoring still succeed.
func TestBringingUpToDateWaitsLongerThanAWrite(t *testing.T) {
	const busy = 100 // milliseconds
	for _, step := range []string{"migrate", "rescore"} {
		t.Run(step, func(t *testing.T) {
			path := olderDatabase(t)
			var db *DB
			if step == "rescore" {
				var err error
				if db, err = open(path, questionnaires.Decode, busy); err != nil {
					t.Fatal(err)
				}
				defer db.Close()
				mustExec(t, db.sql, `PRAGMA user_version = 0`)
			}
			release := holdWriteLock(t, path)
			time.AfterFunc(6*busy*time.Millisecond, release)
			if step == "migrate" {
				var err error
				if db, err = open(path, questionnaires.Decode, busy); err != nil {
					t.Fatalf("opening an older database while another process holds the lock for 600 ms: %v", err)
				}
				defer db.Close()
				return
			}
			n, err := db.RescoreOlder(as("Ana"), nil)
			if err != nil || n == 0 {
				t.Fatalf("rescoring while another process holds the lock for 600 ms: %d rescored, %v", n, err)
			}
		})
	}
}

// The longer wait is for bringing the database up to date only: a save
// afterwards still gives up after the usual timeout.
func TestAfterTheUpgradeAWriteWaitsTheUsualTime(t *testing.T) {
	const busy = 100
	path := olderDatabase(t)
	db, err := open(path, questionnaires.Decode, busy)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.RescoreOlder(as("Ana"), nil); err != nil {
		t.Fatal(err)
	}
	release := holdWriteLock(t, path)
	defer release()
	start := time.Now()
	err = db.SaveAnswer(as("Ana"), 1, choice("mfa", "no"))
	if err == nil {
		t.Fatal("a save succeeded while another process held the write lock")
	}
	if waited := time.Since(start); waited > 1500*time.Millisecond {
		t.Errorf("a save waited %v with a 100 ms busy timeout", waited)
	}
}
