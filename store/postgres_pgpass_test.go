package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// passFile writes a password file with the given mode and points
// PGPASSFILE at it, with PGPASSWORD unset, as a person's shell would.
func passFile(t *testing.T, mode os.FileMode, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "pgpass")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PGPASSFILE", path)
	t.Setenv("PGPASSWORD", "")
	return path
}

// A password file is read as libpq reads it: for a server on a Unix
// socket in a folder of its own, the line whose host is that folder
// (pgx looks for "localhost" on every socket, so such a line was ignored
// and a localhost line meant for another server used); "localhost" only
// for libpq's default socket folder; a file others may read is ignored.
func TestPassFileMatchedAsLibpqDoes(t *testing.T) {
	lines := []string{
		"localhost:5999:*:ana:for-the-local-server",
		"/tmp/pg-x:5999:*:ana:for-the-folder",
		`/tmp/pg\:y:5999:*:ana:for-a-folder-with-a-colon`,
		"db.example.org:5432:privacy:ana:for-the-remote-server",
	}
	cases := []struct {
		name, dsn string
		mode      os.FileMode
		want      string
	}{
		{"socket folder, key=value", "host=/tmp/pg-x port=5999 dbname=privacy user=ana", 0o600, "for-the-folder"},
		{"socket folder, URL", "postgres:///privacy?host=/tmp/pg-x&port=5999&user=ana", 0o600, "for-the-folder"},
		{"socket folder with a colon", `host='/tmp/pg:y' port=5999 dbname=privacy user=ana`, 0o600, "for-a-folder-with-a-colon"},
		{"another socket folder", "host=/tmp/pg-z port=5999 dbname=privacy user=ana", 0o600, ""},
		{"libpq's default socket folder", "host=" + defaultSocketDir() + " port=5999 dbname=privacy user=ana", 0o600, "for-the-local-server"},
		{"localhost over TCP", "host=localhost port=5999 dbname=privacy user=ana", 0o600, "for-the-local-server"},
		{"remote server", "host=db.example.org dbname=privacy user=ana sslmode=require", 0o600, "for-the-remote-server"},
		{"group may read the file", "host=/tmp/pg-x port=5999 dbname=privacy user=ana", 0o640, ""},
		{"anyone may read the file", "host=db.example.org dbname=privacy user=ana sslmode=require", 0o604, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			passFile(t, tc.mode, lines...)
			cfg, err := teamConfig(tc.dsn)
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Password != tc.want {
				t.Errorf("password %q, want %q", cfg.Password, tc.want)
			}
		})
	}
}

// A password the connection string or PGPASSWORD gives wins over the
// file, as with libpq; the connection string's passfile wins over
// PGPASSFILE.
func TestPassFileOnlyWhenNoPasswordGiven(t *testing.T) {
	passFile(t, 0o600, "*:*:*:*:from-the-file")
	if cfg, err := teamConfig("postgres://ana:from-the-string@/privacy?host=/tmp/pg-x"); err != nil || cfg.Password != "from-the-string" {
		t.Errorf("string's password: got %v (err %v)", cfg.Password == "from-the-string", err)
	}
	t.Setenv("PGPASSWORD", "from-the-env")
	if cfg, err := teamConfig("host=/tmp/pg-x dbname=privacy user=ana"); err != nil || cfg.Password != "from-the-env" {
		t.Errorf("PGPASSWORD: got %v (err %v)", cfg.Password == "from-the-env", err)
	}
	t.Setenv("PGPASSWORD", "")
	own := filepath.Join(t.TempDir(), "own")
	if err := os.WriteFile(own, []byte("/tmp/pg-x:*:*:ana:from-its-own-file\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if cfg, err := teamConfig("host=/tmp/pg-x dbname=privacy user=ana passfile=" + own); err != nil || cfg.Password != "from-its-own-file" {
		t.Errorf("passfile=: got %q (err %v)", cfg.Password, err)
	}
}

// A password file assay does not read because others may read it is
// named, with the remedy, where a login is refused; a private one, or a
// password given otherwise, draws no such words.
func TestPassFileOthersMayReadIsNamed(t *testing.T) {
	path := passFile(t, 0o644, "*:*:*:*:from-the-file")
	note := passFileNotice("host=/tmp/pg-x dbname=privacy user=ana")
	if !strings.Contains(note, path) || !strings.Contains(note, "chmod 0600") || strings.Contains(note, "from-the-file") {
		t.Errorf("notice for a file others may read: %q", note)
	}
	t.Setenv("PGPASSWORD", "given")
	if note := passFileNotice("host=/tmp/pg-x dbname=privacy user=ana"); note != "" {
		t.Errorf("notice with PGPASSWORD set: %q", note)
	}
	passFile(t, 0o600, "*:*:*:*:from-the-file")
	if note := passFileNotice("host=/tmp/pg-x dbname=privacy user=ana"); note != "" {
		t.Errorf("notice for a private file: %q", note)
	}
}
