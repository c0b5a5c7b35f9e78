package main

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A database file assay must not change is refused with one line naming
// the file, exit code 1, and left byte for byte and time for time as it
// was, whatever the command.
func TestRefusedDatabaseFilesAreLeftAlone(t *testing.T) {
	cases := []struct {
		name    string
		prepare func(t *testing.T, s *cliSession, path string)
		want    string
	}{
		{"text", func(t *testing.T, _ *cliSession, path string) {
			writeFile(t, filepath.Dir(path), filepath.Base(path), "Vendor notes, 2026\n- Acme: ask about MFA\n")
		}, " is not an assay database (not SQLite)"},
		{"binary garbage", func(t *testing.T, _ *cliSession, path string) {
			writeFile(t, filepath.Dir(path), filepath.Base(path), strings.Repeat("\x00\xff\x1b[2J\x7fELF", 512))
		}, " is not an assay database (not SQLite)"},
		{"another program's SQLite", func(t *testing.T, _ *cliSession, path string) {
			rawExec(t, path, `CREATE TABLE moz_places (url TEXT)`, `INSERT INTO moz_places VALUES ('https://example.com')`)
		}, " is not an assay database: it is an SQLite database of another program (tables moz_places)"},
		{"newer assay", func(t *testing.T, s *cliSession, path string) {
			s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
			rawExec(t, path, `INSERT INTO schema_migrations (version, applied_at) VALUES ('099_from_the_future', '2027-01-01T00:00:00Z')`)
		}, ": this database was written by a newer assay (schema 099_from_the_future; this assay knows up to "},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := newCLISession(t)
			path := s.env["ASSAY_DB"]
			c.prepare(t, s, path)
			before, _ := os.ReadFile(path)
			fi, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			time.Sleep(20 * time.Millisecond) // so that a write would move the mtime
			for _, args := range [][]string{
				{"list"},
				{"new", "-q", "vendor-security-screen", "-s", "Globex"},
				{"score", "1"},
			} {
				code, out, errOut := s.run("", args...)
				if code != 1 || !strings.Contains(errOut, "assay: "+path+c.want) {
					t.Errorf("assay %s: exit %d, stderr %q; want exit 1 and %q", args[0], code, errOut, path+c.want)
				}
				if out != "" || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
					t.Errorf("assay %s: want one line on stderr only, got stdout %q stderr %q", args[0], out, errOut)
				}
			}
			after, _ := os.ReadFile(path)
			fa, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(before, after) || !fi.ModTime().Equal(fa.ModTime()) {
				t.Errorf("the refused file changed: %d bytes, %v; now %d bytes, %v", len(before), fi.ModTime(), len(after), fa.ModTime())
			}
			for _, ext := range []string{"-wal", "-shm", "-journal"} {
				if _, err := os.Stat(path + ext); err == nil {
					t.Errorf("assay left %s beside the refused file", path+ext)
				}
			}
		})
	}
}

// rawExec runs statements on path with the SQLite driver directly, as
// another program (or another version of assay) would.
func rawExec(t *testing.T, path string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}
