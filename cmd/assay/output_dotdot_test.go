package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// -o lnk/../a/r.md, where lnk is a symbolic link to a folder: the system
// follows lnk, then goes up from where it leads, and writes in the
// folder a beside the link's end, as holding the folder does. The checks
// by name read ".." as text (filepath.Dir cleans lnk/../a/r.md to a/r.md)
// and looked at ./a instead: a write refused because ./a is not there,
// though the folder written is, and a name that is the database's -wal
// in the folder written let through, because ./a is not the database's
// folder. The path is now resolved as the system resolves it, and the
// folder checked is the folder written, for -o and assay backup, whether
// the link is relative or absolute.
func TestOutputThroughALinkAndDotDotChecksTheFolderWritten(t *testing.T) {
	wd, err := os.Getwd()
	must(t, err)
	for _, layout := range []string{"relative link", "absolute link"} {
		t.Chdir(wd)
		root := t.TempDir()
		real := filepath.Join(root, "sub") // where lnk/.. leads
		dest := filepath.Join("sub", "deep")
		if layout == "absolute link" {
			real = filepath.Join(t.TempDir(), "elsewhere")
			dest = filepath.Join(real, "deep")
		}
		must(t, os.MkdirAll(filepath.Join(real, "deep"), 0o700))
		must(t, os.MkdirAll(filepath.Join(real, "a"), 0o700))
		must(t, os.Symlink(dest, filepath.Join(root, "lnk")))

		s := newCLISession(t)
		s.env["ASSAY_DB"] = filepath.Join(real, "a", "assay.db")
		s.worstCase("vendor-security-screen")
		t.Chdir(root) // after: worstCase reads testdata from here

		// ./a is not there; the folder written is.
		for _, args := range [][]string{
			{"report", "1", "-o", "lnk/../a/r.md"},
			{"backup", "lnk/../a/b.db"},
		} {
			written := filepath.Join(real, "a", filepath.Base(args[len(args)-1]))
			if code, _, errOut := s.run("", args...); code != 0 {
				t.Errorf("%s: assay %s: exit %d: %s; want it written at %s", layout, strings.Join(args, " "), code, errOut, written)
			} else if _, err := os.Stat(written); err != nil {
				t.Errorf("%s: assay %s succeeded, but %v", layout, strings.Join(args, " "), err)
			}
		}

		// With ./a there too, the database's -wal in the folder written
		// is refused as the database's.
		must(t, os.Mkdir("a", 0o700))
		for _, args := range [][]string{
			{"report", "1", "-o", "lnk/../a/assay.db-wal"},
			{"backup", "lnk/../a/assay.db-wal"},
		} {
			code, _, errOut := s.run("", args...)
			if code != 1 || !strings.Contains(errOut, "the database assay is using") || !strings.Contains(errOut, "nothing was written") {
				t.Errorf("%s: assay %s: exit %d, %q; want the database's -wal refused", layout, strings.Join(args, " "), code, errOut)
			}
			if _, err := os.Lstat(filepath.Join(real, "a", "assay.db-wal")); err == nil {
				if b, _ := os.ReadFile(filepath.Join(real, "a", "assay.db-wal")); len(b) > 0 && !strings.HasPrefix(string(b), "\x37\x7f\x06") {
					t.Errorf("%s: assay %s wrote over the database's -wal", layout, strings.Join(args, " "))
				}
			}
		}
		if names := folderNames(t, "a"); len(names) != 0 {
			t.Errorf("%s: the checks' folder ./a, which is not the one written, holds %q", layout, names)
		}
	}
}
