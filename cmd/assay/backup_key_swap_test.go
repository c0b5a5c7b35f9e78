package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// assay backup checked FILE by name, then built its copy beside it and
// renamed it into place by name: a folder swapped for a link after the
// check put the backup (the whole portfolio) wherever the link led, and
// --overwrite replaced the file of that name there. The backup now holds
// the folder it checked open, as -o does (output_swap_test.go), and
// builds, renames and syncs in it: the backup lands in the folder
// checked, or is refused, never where the link points.
func TestBackupLandsInTheCheckedFolderWhenItIsSwappedForALink(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	for _, overwrite := range []bool{false, true} {
		dir := filepath.Join(t.TempDir(), "backups")
		must(t, os.Mkdir(dir, 0o755))
		file := filepath.Join(dir, "portfolio.db")
		elsewhere := t.TempDir()
		args := []string{"backup", file}
		victim := filepath.Join(elsewhere, "victim.txt")
		if overwrite {
			// An earlier backup in each folder: --overwrite may replace
			// the one checked, never the one the link leads to.
			if code, _, errOut := s.run("", "backup", file); code != 0 {
				t.Fatalf("the earlier backup: %s", errOut)
			}
			if code, _, errOut := s.run("", "backup", filepath.Join(elsewhere, "portfolio.db")); code != 0 {
				t.Fatalf("the earlier backup elsewhere: %s", errOut)
			}
			victim = filepath.Join(elsewhere, "portfolio.db")
			args = []string{"backup", "--overwrite", file}
		} else {
			writeFile(t, elsewhere, "victim.txt", "the victim's file\n")
		}
		before, err := os.ReadFile(victim)
		must(t, err)
		beforeFile, err := os.Stat(victim)
		must(t, err)
		swapFolderAfterCheck(t, &folderHeld, dir, elsewhere, -1)

		code, _, errOut := s.run("", args...)
		if _, err := os.Lstat(dir + ".checked"); err != nil {
			t.Fatalf("--overwrite %v: the folder was never swapped (the backup does not hold it): %v", overwrite, err)
		}
		afterFile, _ := os.Stat(victim)
		if after, _ := os.ReadFile(victim); !bytes.Equal(after, before) || afterFile == nil || !os.SameFile(beforeFile, afterFile) {
			t.Errorf("--overwrite %v: the backup followed the link swapped in after the check: %s changed or was replaced", overwrite, victim)
		}
		if names := folderNames(t, elsewhere); len(names) != 1 {
			t.Errorf("--overwrite %v: the backup left files in the swapped-in folder: %q", overwrite, names)
		}
		if code == 0 {
			if names := folderNames(t, dir+".checked"); len(names) != 1 || names[0] != "portfolio.db" {
				t.Errorf("--overwrite %v: succeeded, but the checked folder holds %q; want portfolio.db alone", overwrite, names)
			}
		} else if !strings.Contains(errOut, "nothing was written") {
			t.Errorf("--overwrite %v: refused without saying nothing was written: %s", overwrite, errOut)
		}
		folderHeld = func(string) {}
	}
}

// The signing key was made beside its place and linked (or, by assay key
// new, renamed) into it by name: the config folder swapped for a link
// after the folder was made put the key, the power to sign as its owner,
// wherever the link led. It is written in the folder held open now, and
// the old key kept there as retired.
func TestSigningKeyLandsInTheCheckedFolderWhenItIsSwappedForALink(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "assay")
	path := filepath.Join(dir, "signing-key.pem")
	elsewhere := t.TempDir()
	swapFolderAfterCheck(t, &folderHeld, dir, elsewhere, -1)
	k, err := createKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if names := folderNames(t, elsewhere); len(names) != 0 {
		t.Errorf("creating the key wrote into the swapped-in folder: %q", names)
	}
	kept, err := loadKey(filepath.Join(dir+".checked", "signing-key.pem"))
	if err != nil || !bytes.Equal(kept.Public(), k.Public()) {
		t.Fatalf("the key made is not in the folder checked: %v", err)
	}

	// assay key new, in the folder as it now is (the link undone).
	must(t, os.Remove(dir))
	must(t, os.Rename(dir+".checked", dir))
	folderHeld = func(string) {}
	swapFolderAfterCheck(t, &folderHeld, dir, elsewhere, -1)
	writeFile(t, elsewhere, "signing-key.pem", "not a key\n")
	newKey, retired, err := replaceKey(path, k.Public(), time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(elsewhere, "signing-key.pem")); string(b) != "not a key\n" {
		t.Errorf("assay key new replaced the key in the swapped-in folder")
	}
	if names := folderNames(t, elsewhere); len(names) != 1 {
		t.Errorf("assay key new wrote into the swapped-in folder: %q", names)
	}
	held := dir + ".checked"
	if now, err := loadKey(filepath.Join(held, "signing-key.pem")); err != nil || !bytes.Equal(now.Public(), newKey.Public()) {
		t.Errorf("the new key is not in the folder checked: %v", err)
	}
	if old, err := loadKey(filepath.Join(held, filepath.Base(retired))); err != nil || !bytes.Equal(old.Public(), k.Public()) {
		t.Errorf("the old key is not kept as retired in the folder checked: %v", err)
	}
}

// The signing key is 0600 from the moment its file exists, whatever the
// umask: written into a file made wider and narrowed after, it could be
// read (opened) by another user in between.
func TestSigningKeyIsNeverWiderThan0600(t *testing.T) {
	withUmask(t, 0)
	var modes []os.FileMode
	was := tempCreated
	t.Cleanup(func() { tempCreated = was })
	tempCreated = func(path string) {
		if fi, err := os.Lstat(path); err == nil {
			modes = append(modes, fi.Mode().Perm())
		}
	}
	path := filepath.Join(t.TempDir(), "assay", "signing-key.pem")
	k, err := createKey(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := replaceKey(path, k.Public(), time.Now()); err != nil {
		t.Fatal(err)
	}
	if len(modes) != 2 {
		t.Fatalf("the key's file was seen made %d times; want 2 (assay key, assay key new)", len(modes))
	}
	for _, m := range modes {
		if m != 0o600 {
			t.Errorf("the key's file was made with mode %04o; want 0600 from the start", m)
		}
	}
	for _, f := range []string{path, filepath.Dir(path)} {
		fi, err := os.Stat(f)
		must(t, err)
		want := os.FileMode(0o600)
		if fi.IsDir() {
			want = 0o700
		}
		if fi.Mode().Perm() != want {
			t.Errorf("%s has mode %04o; want %04o", f, fi.Mode().Perm(), want)
		}
	}
}
