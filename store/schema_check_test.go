package store

import (
	"bytes"
	"database/sql"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/questionnaires"
)

// fileState is everything about a file that refusing it must not change.
type fileState struct {
	data  []byte
	mtime time.Time
	mode  os.FileMode
	dir   []string // the folder's entries: no -wal, -shm or -journal left behind
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(filepath.Dir(path))
	if err != nil {
		t.Fatal(err)
	}
	var dir []string
	for _, e := range entries {
		dir = append(dir, e.Name())
	}
	return fileState{data: data, mtime: fi.ModTime(), mode: fi.Mode(), dir: dir}
}

func sameState(t *testing.T, path string, before fileState) {
	t.Helper()
	after := stateOf(t, path)
	if !bytes.Equal(before.data, after.data) {
		t.Errorf("%s changed: %d bytes before, %d after", filepath.Base(path), len(before.data), len(after.data))
	}
	if !before.mtime.Equal(after.mtime) || before.mode != after.mode {
		t.Errorf("%s: mtime or mode changed: %v %v, then %v %v", filepath.Base(path), before.mtime, before.mode, after.mtime, after.mode)
	}
	if strings.Join(before.dir, " ") != strings.Join(after.dir, " ") {
		t.Errorf("files beside the database changed: %v, then %v", before.dir, after.dir)
	}
}

// refuseOpen opens path, wants an error naming it and containing want,
// and checks that the file and its folder are exactly as they were.
func refuseOpen(t *testing.T, path, want string) {
	t.Helper()
	before := stateOf(t, path)
	// A coarse file system clock could hide a write made within the same tick.
	time.Sleep(20 * time.Millisecond)
	db, err := Open(path, questionnaires.Decode)
	if err == nil {
		db.Close()
		t.Fatalf("Open(%s) succeeded; want it refused", filepath.Base(path))
	}
	if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), want) {
		t.Errorf("Open(%s) = %q; want the path and %q", filepath.Base(path), err, want)
	}
	sameState(t, path, before)
}

func TestOpenRefusesFilesThatAreNotSQLite(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 8))
	garbage := make([]byte, 8192)
	for i := range garbage {
		garbage[i] = byte(rng.UintN(256))
	}
	for name, content := range map[string][]byte{
		"notes.txt":   []byte("meeting notes\nnot a database\n"),
		"random.bin":  garbage,
		"short.db":    []byte("SQLite"),
		"answers.yml": []byte("answers:\n  mfa: yes\n"),
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), name)
			if err := os.WriteFile(path, content, 0o644); err != nil {
				t.Fatal(err)
			}
			refuseOpen(t, path, "is not an assay database (not SQLite)")
			refuseOpen(t, path, "If it held your assessments, it is damaged: restore it from a backup")
		})
	}
}

// A file that starts as SQLite does ("SQLite format 3\0") with garbage
// after it gets past the header check, and SQLite refuses it: it was
// called "not SQLite", which sends the person looking for another
// program's file, when it is a database damaged, to be restored from a
// backup. Opened to write or to read, it is named as a damaged SQLite
// database, with what was left undone, and left as it was.
func TestOpenCallsASQLiteHeaderWithGarbageAfterItDamaged(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	garbage := make([]byte, 4080)
	for i := range garbage {
		garbage[i] = byte(rng.UintN(256))
	}
	path := filepath.Join(t.TempDir(), "assay.db")
	if err := os.WriteFile(path, append([]byte("SQLite format 3\x00"), garbage...), 0o600); err != nil {
		t.Fatal(err)
	}
	refuseOpen(t, path, "is a damaged SQLite database")
	refuseOpen(t, path, "nothing was recorded")
	before := stateOf(t, path)
	db, err := OpenExistingToRead(path, questionnaires.Decode)
	if err == nil {
		db.Close()
		t.Fatal("OpenExistingToRead of a SQLite header with garbage after it succeeded")
	}
	for _, want := range []string{path + " is a damaged SQLite database", "nothing could be read", "Restore it from a backup"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("OpenExistingToRead = %q; want %q in it", err, want)
		}
	}
	if strings.Contains(err.Error(), "not SQLite") || strings.Contains(err.Error(), "nothing was recorded") {
		t.Errorf("OpenExistingToRead = %q: it is SQLite's, damaged, and the command only reads", err)
	}
	sameState(t, path, before)
}

func TestOpenRefusesAnotherProgramsSQLiteDatabase(t *testing.T) {
	path := filepath.Join(t.TempDir(), "browser-history.sqlite")
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{
		`CREATE TABLE visits (url TEXT, at TEXT)`,
		`INSERT INTO visits VALUES ('https://example.com', '2026-03-01')`,
	} {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()
	refuseOpen(t, path, "is not an assay database: it is an SQLite database of another program (tables visits)")
}

func TestOpenRefusesANewerSchema(t *testing.T) {
	// A newer assay added a migration.
	path := editedOutsideAssay(t, `INSERT INTO schema_migrations (version, applied_at) VALUES ('004_future', '2027-01-01T00:00:00Z')`)
	known, err := knownVersions()
	if err != nil {
		t.Fatal(err)
	}
	want := path + ": this database was written by a newer assay (schema 004_future; this assay knows up to " + known[len(known)-1] + "); upgrade assay"
	refuseOpen(t, path, want)
}

// An empty file, as touch leaves it, is a new database.
func TestOpenAcceptsAnEmptyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "assay.db")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	db, err := Open(path, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var mode string
	if err := db.sql.QueryRow(`PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Fatalf("journal_mode = %q, %v; want wal", mode, err)
	}
}
