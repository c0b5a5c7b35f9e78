package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// assay backup FILE with an escape sequence in FILE's name writes the
// file by that name, and said "Backed up to …/backup[31m-red.db": the
// name cleaned of its escape, a file that does not exist. The name is
// said quoted, its escape written out (\x1b), as Go's %q writes it: the
// person can find the file, and the terminal is sent no escape.
func TestBackupNamesAFileWithAnEscapeSoItCanBeFound(t *testing.T) {
	bin, _, _, env := binaryWithAssessment(t)
	dest := filepath.Join(t.TempDir(), "backup\x1b[31m-red.db")
	r := runProc(bin, env, "backup", dest)
	if r.code != 0 {
		t.Fatalf("assay backup: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	if _, err := os.Stat(dest); err != nil {
		t.Fatalf("the backup is not where it was asked for: %v", err)
	}
	// Worked out by hand: the folder's path has no character %q changes.
	want := `Backed up to "` + filepath.Dir(dest) + `/backup\x1b[31m-red.db": 1 assessment and 1 subject, verified`
	if !strings.Contains(r.stdout, want) {
		t.Errorf("assay backup says:\n%s\nwant it to name the file as %s", r.stdout, want)
	}
	if strings.Contains(r.stdout+r.errs, "\x1b") {
		t.Errorf("assay backup sent the terminal an escape:\n%q", r.stdout+r.errs)
	}

	// Refused, the file that is there now is named the same way.
	r = runProc(bin, env, "backup", dest)
	if want := `"` + filepath.Dir(dest) + `/backup\x1b[31m-red.db" already exists; nothing was written`; r.code == 0 || !strings.Contains(r.errs, want) {
		t.Errorf("a second backup to the same name: exit %d, %q\nwant %q", r.code, r.errs, want)
	}
}
