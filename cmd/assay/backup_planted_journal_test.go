package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The files SQLite makes beside the copy a backup builds (its -journal,
// its -wal and -shm) are made by name, without O_EXCL: in a folder other
// users may write, such as /tmp, one of them could plant a file or a
// link at the name the copy's journal would take (.NAME.backup-PID is
// easily guessed), and SQLite would take the planted file for the
// copy's own: clobber it, or replay it into the copy as a journal left
// mid-write. The copy is built in a folder of its own, made
// owner-only where nothing was (as the copy's own file is made, O_EXCL),
// so nothing another user planted beside it is ever opened. The plants
// here come once the copy exists, at every name beside the backup's
// build that the folder's other users can see.
func TestBackupBuildsWhereNothingCanBePlantedBesideTheCopy(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	shared := filepath.Join(t.TempDir(), "shared")
	must(t, os.Mkdir(shared, 0o755))
	must(t, os.Chmod(shared, 0o1777)) // as /tmp: anyone may create files in it
	file := filepath.Join(shared, "portfolio.db")
	victim := writeFile(t, t.TempDir(), "victim.txt", "the victim's file\n")

	var planted []string
	var copyFolder os.FileMode
	backupCopyCreated = func(copyPath string) {
		fi, err := os.Stat(filepath.Dir(copyPath))
		must(t, err)
		copyFolder = fi.Mode()
		entries, err := os.ReadDir(shared)
		must(t, err)
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), ".portfolio.db.backup-") {
				continue
			}
			base := filepath.Join(shared, e.Name())
			must(t, os.Symlink(victim, base+"-journal"))
			for _, suffix := range []string{"-wal", "-shm"} {
				planted = append(planted, writeFile(t, shared, e.Name()+suffix, "planted by another user\n"))
			}
		}
	}
	t.Cleanup(func() { backupCopyCreated = func(string) {} })

	code, out, errOut := s.run("", "backup", file)
	if code != 0 {
		t.Fatalf("backup with files planted beside its copy: exit %d\n%s%s", code, out, errOut)
	}
	if len(planted) == 0 {
		t.Fatal("the hook found no build of the backup in the shared folder to plant beside")
	}
	if copyFolder.Perm()&0o077 != 0 {
		t.Errorf("the copy was built in a folder of mode %v: other users may plant files beside it", copyFolder)
	}
	if b, _ := os.ReadFile(victim); string(b) != "the victim's file\n" {
		t.Errorf("the file a planted link leads to was written: %q", b)
	}
	for _, p := range planted {
		if b, err := os.ReadFile(p); err != nil || string(b) != "planted by another user\n" {
			t.Errorf("the planted %s was opened as the copy's: %q (%v)", filepath.Base(p), b, err)
		}
	}
	if code, out, errOut := s.run("", "--db", file, "verify"); code != 0 || !strings.Contains(out, "Audit trail intact") {
		t.Errorf("verify on the backup: exit %d\n%s%s", code, out, errOut)
	}
}
