package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A file written with -o that does not fit, over the file size limit
// the shell sets (ulimit -f) or on a full disk, is named with what
// stopped it and what to do, as a backup that does not fit is, and
// nothing is left in its folder. Before, -o gave the system's words
// alone ("cannot write acme.json: file too large", "no space left on
// device"), which say nothing of a limit the shell set, nor what to do.
func TestOutputThatDoesNotFitSaysWhy(t *testing.T) {
	bin, _, _, env := binaryWithAssessment(t)
	writes := []struct{ name, format string }{
		{"acme.json", ""},   // assay export
		{"acme.pdf", "pdf"}, // assay report
	}
	command := func(file, format string) []string {
		if format == "" {
			return []string{"export", "1", "-o", file}
		}
		return []string{"report", "1", "--format", format, "-o", file}
	}

	t.Run("file size limit", func(t *testing.T) {
		folder := t.TempDir()
		for _, w := range writes {
			file := filepath.Join(folder, w.name)
			// 64 blocks of 512 bytes: room for the database's 32 KiB
			// -shm index, not for the file (Go ignores SIGXFSZ, so the
			// write fails with EFBIG instead of killing assay).
			r := runProc("/bin/sh", env, append([]string{"-c", `ulimit -f 64 && exec "$0" "$@"`, bin}, command(file, w.format)...)...)
			want := "cannot write " + file + ": it would be over the file size limit assay runs under (ulimit -f); nothing was written. Raise the limit, or write it where none applies"
			if r.code != 1 || !strings.Contains(r.errs, want) {
				t.Errorf("%s over the size limit: exit %d, stderr %q; want exit 1 and %q", w.name, r.code, r.errs, want)
			}
		}
		if names := folderNames(t, folder); len(names) != 0 {
			t.Errorf("the writes that did not fit left %q", names)
		}
	})

	t.Run("full disk", func(t *testing.T) {
		mnt := t.TempDir()
		if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=1m,mode=0700"); err != nil {
			t.Skipf("cannot mount a small tmpfs here (%v): needs root on Linux, so a really full disk is not tried", err)
		}
		t.Cleanup(func() { syscall.Unmount(mnt, syscall.MNT_DETACH) })
		fillUpTo(t, filepath.Join(mnt, "filler"), mnt, 8<<10)
		for _, w := range writes {
			file := filepath.Join(mnt, w.name)
			r := runProc(bin, env, command(file, w.format)...)
			want := "cannot write " + file + ": the disk holding it is full; nothing was written. Free some space there, or write it elsewhere"
			if r.code != 1 || !strings.Contains(r.errs, want) {
				t.Errorf("%s on a full disk: exit %d, stderr %q; want exit 1 and %q", w.name, r.code, r.errs, want)
			}
		}
		if names := folderNames(t, mnt); len(names) != 1 || names[0] != "filler" {
			t.Errorf("the writes that did not fit left %q beside the filler", names)
		}
		if _, err := os.Stat(filepath.Join(mnt, "filler")); err != nil {
			t.Fatal(err)
		}
	})
}
