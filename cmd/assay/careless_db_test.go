package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// --db as a careless person gives it to the commands that only read: a
// folder, a questionnaire's YAML, a PDF, a named pipe, a path whose
// folder is not there, an empty file, a connection string with a typo.
// Each gets one line naming what was given and why it is not a database,
// exit status 1, and nothing created or changed where it points. verify
// said a mistyped postgress:// address was a file that was not there,
// where the other commands said what it is; a PostgreSQL URL with one
// slash (postgres:/host/db) was a path, whose folders assay new made.
func TestCarelessDBGivenToReadsIsRefusedByName(t *testing.T) {
	bin := assayBinary(t)
	dir := t.TempDir()
	env := procEnv(t.TempDir(), filepath.Join(dir, "unused.db"))
	folder := filepath.Join(dir, "portfolio")
	must(t, os.Mkdir(folder, 0o700))
	yaml := filepath.Join(dir, "vendor.yaml")
	must(t, os.WriteFile(yaml, []byte("id: vendor\nversion: 1.0.0\ntitle: Vendor\n"), 0o600))
	pdf := filepath.Join(dir, "report.pdf")
	must(t, os.WriteFile(pdf, []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"), 0o600))
	fifo := filepath.Join(dir, "pipe")
	must(t, syscall.Mkfifo(fifo, 0o600))
	empty := filepath.Join(dir, "empty.db")
	must(t, os.WriteFile(empty, nil, 0o600))
	orphan := filepath.Join(dir, "no-such-folder", "assay.db")

	for _, c := range []struct{ db, says string }{
		{folder, folder + " is a folder, not a regular file"},
		{yaml, yaml + " is not an assay database (not SQLite)"},
		{pdf, pdf + " is not an assay database (not SQLite)"},
		{fifo, fifo + " is a named pipe (FIFO), not a regular file"},
		{orphan, "there is no database at " + orphan},
		{empty, empty + " is an empty file, not an assay database"},
		{"postgress://db.example.org/privacy", "the database postgress://db.example.org/privacy is a postgress:// address, which assay does not read"},
		{"postgres:/db.example.org/privacy", "the database postgres:/db.example.org/privacy is not a PostgreSQL URL, which begins postgres:// (two slashes)"},
		{"postgresql:db.example.org", "the database postgresql:db.example.org is not a PostgreSQL URL, which begins postgresql:// (two slashes)"},
		{"postgres://db.example.org:99999/privacy", "postgres://db.example.org:99999/privacy is not a connection string assay can read"},
	} {
		before := treeOf(t, dir)
		for _, args := range [][]string{{"list"}, {"report", "1"}, {"verify"}, {"history", "1"}, {"due"}} {
			r, hung := runBounded(t, bin, env, append(args, "--db", c.db)...)
			msg := strings.TrimSuffix(r.errs, "\n")
			switch {
			case hung:
				t.Errorf("assay %s --db %s did not end", strings.Join(args, " "), c.db)
			case r.code != 1 || !strings.HasPrefix(msg, "assay: ") || strings.Contains(msg, "\n") || !strings.Contains(msg, c.says) || r.stdout != "":
				t.Errorf("assay %s --db %s: exit %d, said %q%s\nwant exit 1 and one line saying %q", strings.Join(args, " "), c.db, r.code, r.errs, r.stdout, c.says)
			}
			if after := treeOf(t, dir); after != before {
				t.Fatalf("assay %s --db %s changed %s:\nbefore: %s\nafter:  %s", strings.Join(args, " "), c.db, dir, before, after)
			}
		}
	}
	for _, typo := range []string{"postgres:/db.example.org/privacy", "postgresql:db.example.org"} {
		work := t.TempDir()
		cmd := exec.Command(bin, "new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--db", typo)
		cmd.Env, cmd.Dir = env, work
		out, err := cmd.CombinedOutput()
		if err == nil || treeOf(t, work) != "" {
			t.Errorf("assay new --db %s, in %s: %v (%s), and it made %q", typo, work, err, out, treeOf(t, work))
		}
	}
}

// treeOf lists what is under dir, with each file's size and mode.
func treeOf(t *testing.T, dir string) string {
	t.Helper()
	var out []string
	must(t, filepath.Walk(dir, func(path string, fi os.FileInfo, err error) error {
		if err != nil || path == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		out = append(out, fmt.Sprintf("%s %s %d", rel, fi.Mode(), fi.Size()))
		return nil
	}))
	return strings.Join(out, "\n")
}
