package store

import (
	"database/sql"
	"encoding/binary"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// headerAppID reads the application ID from the file's own header, as
// inspect does.
func headerAppID(t *testing.T, path string) uint32 {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil || len(b) < headerSize {
		t.Fatalf("%s: %d bytes, %v", path, len(b), err)
	}
	return binary.BigEndian.Uint32(b[68:72])
}

// A new database carries assay's application ID in the file's header from
// its first write, so that a crash that leaves every table in the -wal
// still leaves a file assay knows for its own: the copy taken before the
// first checkpoint opens, with its schema.
func TestNewDatabaseIsMarkedBeforeItsTablesExist(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "assay.db")
	db, err := Open(path, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := headerAppID(t, path); got != applicationID {
		t.Errorf("application ID in the header %#x, want %#x", got, applicationID)
	}
	// What a crash now would leave: the file and its -wal, not yet
	// checkpointed.
	wal, err := os.Stat(path + "-wal")
	if err != nil || wal.Size() == 0 {
		t.Fatalf("no -wal with the schema in it: %v", err)
	}
	crashed := filepath.Join(dir, "crashed.db")
	for _, ext := range []string{"", "-wal"} {
		copyFile(t, path+ext, crashed+ext)
	}
	tables, _, err := readSchema(as("t"), crashed, "mode=ro&immutable=1", false)
	if err != nil || len(tables) != 0 {
		t.Fatalf("the crashed copy's own file holds tables %v (%v): the test needs them all in the -wal", tables, err)
	}
	again, err := Open(crashed, questionnaires.Decode)
	if err != nil {
		t.Fatalf("the crashed new database was refused: %v", err)
	}
	defer again.Close()
	var n int
	if err := again.sql.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil || n == 0 {
		t.Errorf("schema_migrations: %d rows, %v", n, err)
	}
}

// A database from before assay set its application ID (schema 004,
// before-signing.sql) is known by its schema, and marked when it is next
// opened.
func TestOlderDatabaseIsMarkedWhenOpened(t *testing.T) {
	path := fromDump(t, "before-signing.sql")
	if got := headerAppID(t, path); got != 0 {
		t.Fatalf("application ID %#x of the older database, want 0", got)
	}
	db, err := Open(path, questionnaires.Decode)
	if err != nil {
		t.Fatalf("an assay database without the application ID: %v", err)
	}
	db.Close()
	if got := headerAppID(t, path); got != applicationID {
		t.Errorf("application ID %#x after opening, want %#x", got, applicationID)
	}
}

// A database assay marked, whose mark was taken away outside assay, is
// not marked again when opened (which would hide it from verify): verify
// names it, and says the trail was not checked.
func TestUnmarkedUpToDateDatabaseIsNamedByVerify(t *testing.T) {
	path := editedOutsideAssay(t, `PRAGMA application_id = 0`)
	db, err := Open(path, questionnaires.Decode)
	if err != nil {
		t.Fatalf("an assay database whose application ID was taken away: %v", err)
	}
	defer db.Close()
	res, err := db.Verify(as("t"), 0)
	if err != nil {
		t.Fatal(err)
	}
	if b := res.Broken; b == nil || !b.ProtectionsChanged() || !strings.Contains(b.Error(), "the file's application ID is 0, not assay's") {
		t.Errorf("verify found %v, want the application ID named", res.Broken)
	}
	if got := headerAppID(t, path); got != 0 {
		t.Errorf("application ID %#x after opening and verifying, want 0 as it was left", got)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.Create(to)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
}

// editedOutsideAssay makes a new assay database, closes it, and runs stmts
// on it through the SQLite driver alone, as another program (or another
// version of assay) would; it returns the file's path. The WAL is
// checkpointed and gone when that connection closes, so the file alone is
// the database.
func editedOutsideAssay(t *testing.T, stmts ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "assay.db")
	db, err := Open(path, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	for _, s := range stmts {
		if _, err := raw.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return path
}
