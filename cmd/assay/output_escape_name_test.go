package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An -o refusal names the file as assay backup and migrate name theirs
// (shownName): quoted, an escape written out as \x1b, a space kept. It
// said the name cleaned of its escape ("…/out[31m x/pipe is a named
// pipe"), a file that does not exist, so the person could not tell which
// of their files was meant; and the refusal of the database named the
// file as given, for the message line to clean.
func TestOutputRefusalsNameTheFileQuotedAsBackupDoes(t *testing.T) {
	bin, dir, db, env := binaryWithAssessment(t)
	odd := filepath.Join(t.TempDir(), "out\x1b[31m x")
	must(t, os.Mkdir(odd, 0o700))
	must(t, os.Mkdir(filepath.Join(odd, "folder"), 0o700))
	must(t, os.Symlink(db, filepath.Join(odd, "db link.md")))
	must(t, os.Symlink(filepath.Join(odd, "gone", "r.md"), filepath.Join(odd, "dangling.md")))
	mkfifo(t, odd, "pipe")
	must(t, os.WriteFile(filepath.Join(odd, "kept.md"), []byte("signed copy\n"), 0o400))
	_ = dir

	// Worked out by hand: the test folder's path has no character %q
	// changes, so only the escape (\x1b) is written out, in quotes.
	quoted := `"` + filepath.Dir(odd) + `/out\x1b[31m x`
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"a named pipe", []string{"report", "1", "-o", filepath.Join(odd, "pipe")},
			quoted + `/pipe" is a named pipe (FIFO), not a regular file; nothing was written`},
		{"a folder", []string{"plan", "1", "-o", filepath.Join(odd, "folder")},
			quoted + `/folder" is a folder, not a regular file; nothing was written`},
		{"the database by a link", []string{"export", "1", "-o", filepath.Join(odd, "db link.md")},
			quoted + `/db link.md" is the database assay is using (or its -wal, -shm or -journal file); nothing was written`},
		{"a link into a folder not there", []string{"report", "1", "-o", filepath.Join(odd, "dangling.md")},
			`the folder ` + quoted + `/gone" does not exist, and assay creates none; nothing was written`},
		{"a read-only file", []string{"report", "1", "-o", filepath.Join(odd, "kept.md")},
			quoted + `/kept.md" is read-only (protected from changes); nothing was written`},
		{"a name for another format", []string{"report", "1", "--format", "md", "-o", filepath.Join(odd, "r x.pdf")},
			quoted + `/r x.pdf" is named for a PDF file, but --format is md`},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := runProc(bin, env, c.args...)
			if r.code != 1 || !strings.Contains(r.errs, c.want) {
				t.Errorf("assay %s: exit %d, %q\nwant exit 1 and %q", strings.Join(c.args, " "), r.code, r.errs, c.want)
			}
			if strings.Contains(r.stdout+r.errs, "\x1b") {
				t.Errorf("the refusal sent the terminal an escape: %q", r.errs)
			}
		})
	}
	if b, err := os.ReadFile(filepath.Join(odd, "kept.md")); err != nil || string(b) != "signed copy\n" {
		t.Errorf("the read-only file holds %q, %v", b, err)
	}
}
