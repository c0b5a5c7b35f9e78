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
	scene := newPlantedScene(t)
	backupCopyCreated = func(copyPath string) {
		scene.noteBuild(t, copyPath)
		entries, err := os.ReadDir(scene.shared)
		must(t, err)
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), ".portfolio.db.backup-") {
				continue
			}
			scene.plantBeside(t, filepath.Join(scene.shared, e.Name()))
		}
	}
	t.Cleanup(func() { backupCopyCreated = func(string) {} })

	code, out, errOut := s.run("", "backup", scene.file)
	if code != 0 {
		t.Fatalf("backup with files planted beside its copy: exit %d\n%s%s", code, out, errOut)
	}
	if len(scene.planted) == 0 {
		t.Fatal("the hook found no build of the backup in the shared folder to plant beside")
	}
	scene.checkNothingPlantedWasUsed(t, "the backup's copy")
	if code, out, errOut := s.run("", "--db", scene.file, "verify"); code != 0 || !strings.Contains(out, "Audit trail intact") {
		t.Errorf("verify on the backup: exit %d\n%s%s", code, out, errOut)
	}
}
