package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

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
// meant for a single write: here, once the upgrade is seen waiting for
// another process's lock, a write begun after it with a save's busy
// timeout gives up, and only then is the lock let go; opening and
// rescoring still succeed.
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
			ended := make(chan error, 1)
			go func() {
				if step == "migrate" {
					opened, err := open(path, questionnaires.Decode, busy)
					if err == nil {
						opened.Close()
					}
					ended <- err
					return
				}
				n, err := db.RescoreOlder(as("Ana"), nil)
				if err == nil && n == 0 {
					err = errors.New("nothing was rescored")
				}
				ended <- err
			}()
			awaitLockWaiter(t, ended)
			aWriteGivesUp(t, path, busy)
			release()
			if err := <-ended; err != nil {
				t.Fatalf("%s behind another process's lock, held for longer than a save waits: %v", step, err)
			}
		})
	}
}

// The longer wait is for bringing the database up to date only: a save
// afterwards gives up after the usual timeout, as a write with that
// timeout begun at the same time does.
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
	if err := db.SaveAnswer(as("Ana"), 1, choice("mfa", "no")); err == nil {
		t.Fatal("a save succeeded while another process held the write lock")
	}
	// It gave up while the lock was held: with the busy timeout it was
	// opened with, not the upgrade's, which would be 24 times as long.
	var timeout int
	if err := db.sql.QueryRow(`PRAGMA busy_timeout`).Scan(&timeout); err != nil || timeout != busy {
		t.Errorf("after the upgrade the store's writes wait %d ms for another's lock (%v); want the usual %d", timeout, err, busy)
	}
}
