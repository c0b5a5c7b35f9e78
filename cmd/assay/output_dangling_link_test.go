package main

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -o onto a symbolic link whose file is not there yet (a link into a
// shared folder, its report removed since) writes the file the link
// points to, as a shell's > does, and the link stays, as README says of
// a link: assay replaced the link itself with a regular file, so the
// shared folder never had the report. Where the link points to the
// database's files or into a folder that is not there, nothing is
// written and the link stays.
func TestOutputThroughALinkToNothingYetWritesWhereItPoints(t *testing.T) {
	s := newCLISession(t)
	s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-03-01")
	shared := t.TempDir()
	dir := t.TempDir()
	link := filepath.Join(dir, "latest.md")
	if err := os.Symlink(filepath.Join(shared, "acme.md"), link); err != nil {
		t.Fatal(err)
	}
	s.ok("report", "1", "-o", link)
	if fi, err := os.Lstat(link); err != nil || fi.Mode().Type() != fs.ModeSymlink {
		t.Errorf("the link was replaced: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(shared, "acme.md")); err != nil || !strings.Contains(string(b), "Acme") {
		t.Errorf("the file the link points to holds %q, %v", b, err)
	}

	for _, c := range []struct{ dest, says string }{
		{s.env["ASSAY_DB"] + "-journal", "is the database assay is using"},
		{filepath.Join(shared, "gone", "acme.md"), "the folder " + filepath.Join(shared, "gone") + " does not exist"},
	} {
		link := filepath.Join(dir, "to-"+filepath.Base(c.dest)+".txt")
		if err := os.Symlink(c.dest, link); err != nil {
			t.Fatal(err)
		}
		code, _, errOut := s.run("", "plan", "1", "-o", link)
		if code != 1 || !strings.Contains(errOut, c.says) || !strings.Contains(errOut, "nothing was written") {
			t.Errorf("-o a link to %s: exit %d, %q; want it refused saying %q", c.dest, code, errOut, c.says)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode().Type() != fs.ModeSymlink {
			t.Errorf("the link to %s was replaced: %v", c.dest, err)
		}
		if _, err := os.Lstat(c.dest); err == nil {
			t.Errorf("%s was written", c.dest)
		}
	}
}
