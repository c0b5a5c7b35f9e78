package main

import (
	"bytes"
	"context"
	"database/sql"
	"io"
	"os"
	"strings"
	"testing"
)

// copyDatabaseFiles copies a database and the -wal and -journal files
// beside it, as they are at this moment, to path: what a crash, a power
// cut or a backup taken mid-write leaves behind.
func copyDatabaseFiles(t *testing.T, from, to string) {
	t.Helper()
	for _, ext := range []string{"", "-wal", "-journal"} {
		src, err := os.Open(from + ext)
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		dst, err := os.OpenFile(to+ext, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(dst, src); err != nil {
			t.Fatal(err)
		}
		src.Close()
		if err := dst.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// rawConn is one connection to a database through the SQLite driver
// alone, as another program (or another version of assay) would hold it,
// closed when the test ends.
func rawConn(t *testing.T, dsn string) *sql.Conn {
	t.Helper()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	return conn
}

// midWrite runs stmts on the database from (another program's, made if
// need be) on one connection that never checkpoints, and copies the files to path while it is still open: what
// it wrote is still in the -wal, or the -journal still holds what a
// transaction overwrote.
func midWrite(t *testing.T, from, path string, stmts ...string) {
	t.Helper()
	conn := rawConn(t, "file:"+from+"?_pragma=wal_autocheckpoint(0)")
	for _, s := range stmts {
		if _, err := conn.ExecContext(context.Background(), s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	copyDatabaseFiles(t, from, path)
}

// snapshot is every byte of a database file and of its -wal and -journal
// files ("" for one that does not exist).
func snapshot(t *testing.T, path string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, ext := range []string{"", "-wal", "-journal"} {
		b, err := os.ReadFile(path + ext)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		out[ext] = b
	}
	return out
}

// Another program's SQLite database caught mid-write (changes still in
// its -wal, or a hot -journal that a rollback would replay) is refused
// before SQLite opens it for writing: the database, its -wal and its
// -journal are left byte for byte as they were, and no -shm or other file
// is left beside them. Before, SQLite checkpointed the -wal into the file
// (and deleted it) or rolled the journal back while assay read the
// schema, and assay then said it had left the file unchanged.
func TestAnotherProgramsDatabaseMidWriteIsLeftAlone(t *testing.T) {
	rows := make([]string, 0, 400)
	for range 400 {
		rows = append(rows, `INSERT INTO moz_places VALUES (hex(randomblob(300)))`)
	}
	cases := []struct {
		name  string
		stmts []string
		want  string
	}{
		{"pending WAL", append([]string{
			`PRAGMA journal_mode = WAL`, `CREATE TABLE moz_places (url TEXT)`, `PRAGMA wal_checkpoint(TRUNCATE)`,
		}, rows[:50]...), " is not an assay database: it is an SQLite database of another program (tables moz_places)"},
		{"pending WAL, tables only in it", []string{
			`PRAGMA journal_mode = WAL`, `CREATE TABLE moz_places (url TEXT)`,
			`INSERT INTO moz_places VALUES ('https://example.com')`,
		}, " is not an assay database: changes another program has not yet written into it wait in "},
		{"hot journal", append([]string{
			`PRAGMA journal_mode = DELETE`, `PRAGMA cache_size = 2`, `CREATE TABLE moz_places (url TEXT)`,
			`INSERT INTO moz_places VALUES ('https://example.com')`, `BEGIN`,
		}, rows...), " is not an assay database: it is an SQLite database of another program (tables moz_places)"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newCLISession(t)
			path := s.env["ASSAY_DB"]
			midWrite(t, t.TempDir()+"/other.db", path, c.stmts...)
			before := snapshot(t, path)
			if len(before["-wal"]) == 0 && len(before["-journal"]) == 0 {
				t.Fatal("the copy has neither a -wal nor a -journal: the test makes nothing to protect")
			}
			for _, args := range [][]string{
				{"list"},
				{"new", "-q", "vendor-security-screen", "-s", "Globex"},
				{"score", "1"},
				{"verify"},
			} {
				code, out, errOut := s.run("", args...)
				if code != 1 || !strings.Contains(errOut, "assay: "+path+c.want) || !strings.Contains(errOut, "assay left it unchanged") {
					t.Errorf("assay %s: exit %d, stderr %q; want exit 1 and %q", args[0], code, errOut, path+c.want)
				}
				if out != "" {
					t.Errorf("assay %s: stdout %q", args[0], out)
				}
			}
			after := snapshot(t, path)
			for ext, b := range before {
				if !bytes.Equal(b, after[ext]) {
					t.Errorf("the database's %q file changed: %d bytes, now %d", ext, len(b), len(after[ext]))
				}
			}
			if _, err := os.Stat(path + "-shm"); err == nil {
				t.Errorf("assay left %s-shm beside the refused file", path)
			}
		})
	}
}

// A database of a newer assay with a migration still in its -wal is
// refused and its file and -wal are left as they were: assay reads the
// schema on a read-only connection, which never checkpoints.
func TestNewerAssayMidWriteIsLeftAlone(t *testing.T) {
	s := newCLISession(t)
	s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	other := newCLISession(t)
	path := other.env["ASSAY_DB"]
	midWrite(t, s.env["ASSAY_DB"], path, `INSERT INTO schema_migrations (version, applied_at) VALUES ('099_from_the_future', '2027-01-01T00:00:00Z')`)
	before := snapshot(t, path)
	if len(before["-wal"]) == 0 {
		t.Fatal("no -wal to protect")
	}
	code, _, errOut := other.run("", "list")
	if want := path + ": this database was written by a newer assay (schema 099_from_the_future"; code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, stderr %q; want %q", code, errOut, want)
	}
	after := snapshot(t, path)
	for ext, b := range before {
		if !bytes.Equal(b, after[ext]) {
			t.Errorf("the database's %q file changed: %d bytes, now %d", ext, len(b), len(after[ext]))
		}
	}
}

// An empty file with another program's -wal beside it is refused, and the
// -wal left as it was: SQLite would replay it into the new database.
func TestEmptyFileWithAWALBesideItIsLeftAlone(t *testing.T) {
	s := newCLISession(t)
	path := s.env["ASSAY_DB"]
	scratch := t.TempDir() + "/other.db"
	midWrite(t, t.TempDir()+"/another.db", scratch, `PRAGMA journal_mode = WAL`, `CREATE TABLE moz_places (url TEXT)`)
	copyDB(t, scratch+"-wal", path+"-wal")
	if err := os.WriteFile(path, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, path)
	code, _, errOut := s.run("", "list")
	if want := path + " is not an assay database: it is empty, but " + path + "-wal beside it holds changes of another program; assay left them unchanged"; code != 1 || !strings.Contains(errOut, want) {
		t.Errorf("exit %d, stderr %q; want %q", code, errOut, want)
	}
	after := snapshot(t, path)
	for ext, b := range before {
		if !bytes.Equal(b, after[ext]) {
			t.Errorf("the %q file changed", ext)
		}
	}
}
