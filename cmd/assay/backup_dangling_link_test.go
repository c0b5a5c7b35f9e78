package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// assay backup to a symbolic link whose file is not there was refused as
// "latest.db already exists", and with --overwrite as "cannot write
// latest.db: no such file or directory": neither says that latest.db is a
// link, nor to what. The refusal now says both; nothing is written and
// the link stays.
func TestBackupToALinkToNothingSaysItIsALink(t *testing.T) {
	bin, _, _, env := binaryWithAssessment(t)
	dir := t.TempDir()
	for _, to := range []string{filepath.Join(dir, "nothere.db"), filepath.Join(dir, "gone", "nothere.db")} {
		link := filepath.Join(dir, "latest.db")
		_ = os.Remove(link)
		must(t, os.Symlink(to, link))
		for _, flags := range [][]string{nil, {"--overwrite"}} {
			r := runProc(bin, env, append(append([]string{"backup"}, flags...), link)...)
			want := link + " is a symbolic link to " + to + ", which is not there"
			if r.code != 1 || !strings.Contains(r.errs, want) || !strings.Contains(r.errs, "nothing was written") {
				t.Errorf("backup %v to a link to %s: exit %d, %q\nwant %q", flags, to, r.code, r.errs, want)
			}
			if _, err := os.Lstat(to); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("backup %v to a link to %s wrote it (%v)", flags, to, err)
			}
			if fi, err := os.Lstat(link); err != nil || fi.Mode().Type() != fs.ModeSymlink {
				t.Errorf("the link was replaced: %v", err)
			}
		}
	}
}
