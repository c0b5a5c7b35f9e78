package main

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// fullFileSystemSaysSo is TestFullDiskSaysSoAndRecordsNothing on a
// really full disk: a 2 MiB tmpfs, which only Linux mounts so (and only
// for root), filled up around assay's writes.
func fullFileSystemSaysSo(t *testing.T, bin string) {
	mnt := t.TempDir()
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=2m,mode=0700"); err != nil {
		t.Skipf("cannot mount a small tmpfs here (%v): needs root, so a really full disk is not tried", err)
	}
	t.Cleanup(func() { syscall.Unmount(mnt, syscall.MNT_DETACH) })
	db := filepath.Join(mnt, "assay.db")
	env := procEnv(t.TempDir(), db)
	if r := runProc(bin, env, "new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-03-01"); r.code != 0 {
		t.Fatalf("new: %s", r.errs)
	}
	answers := bulkyAnswers(t, t.TempDir())
	// Fill the file system but for 40 KiB: room for the -shm, not
	// for the commit.
	filler := filepath.Join(mnt, "filler")
	fillUpTo(t, filler, mnt, 40<<10)
	r := runProc(bin, env, "answer", "1", "-f", answers)
	checkFullDiskRefusal(t, r, db, "nothing was recorded")
	// Full to the last byte: even a new assessment, a few pages, or
	// the -shm index a reader needs, finds no room.
	fillUpTo(t, filepath.Join(mnt, "filler2"), mnt, 0)
	for _, args := range [][]string{
		{"new", "-q", "vendor-security-screen", "-s", "Globex"},
		{"list"},
	} {
		r := runProc(bin, env, args...)
		switch {
		case args[0] == "new":
			checkFullDiskRefusal(t, r, db, "nothing was recorded")
		case r.code != 0: // a read may still find room
			checkFullDiskRefusal(t, r, db, "nothing could be read")
		}
		if strings.Count(r.errs, db) > 1 {
			t.Errorf("assay %s names the database twice: %q", args[0], r.errs)
		}
	}
	for _, f := range []string{filler, filepath.Join(mnt, "filler2")} {
		if err := os.Remove(f); err != nil {
			t.Fatal(err)
		}
	}
	checkNothingRecorded(t, bin, env, db)
}

// fillUpTo writes path until the file system holding dir has only free
// bytes left.
func fillUpTo(t *testing.T, path, dir string, free int64) {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	size := int64(st.Bavail)*st.Bsize - free
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 64<<10)
	for size > 0 {
		n := min(size, int64(len(chunk)))
		if _, err := f.Write(chunk[:n]); err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				return
			}
			t.Fatal(err)
		}
		size -= n
	}
}
