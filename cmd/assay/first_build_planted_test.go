package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The first command into a database that is not there yet builds it
// under a name anyone can work out (.NAME.creating-PID), and SQLite
// makes the files it keeps beside a database (-journal, -wal, -shm) by
// name, opening whatever is there. In a folder others may write, such as
// /tmp or a shared ASSAY_DB folder, another user could plant a file or a
// link at those names, and SQLite would take it for the new database's
// own: write through the link, or take the planted file for its write
// log. The database is built in an owner-only folder of its own, as
// backup's copy is (build_folder.go), so nothing planted beside it is
// ever opened.
func TestFirstCommandBuildsWhereNothingCanBePlanted(t *testing.T) {
	s := newCLISession(t)
	scene := newPlantedScene(t)
	// The name the build takes in the shared folder, which other users
	// see: this process's, since the command runs in it.
	visible := buildingPrefix(scene.file, "creating") + strconv.Itoa(os.Getpid())
	backupCopyCreated = func(building string) {
		scene.noteBuild(t, building)
		scene.plantBeside(t, visible)
	}
	t.Cleanup(func() { backupCopyCreated = func(string) {} })

	code, out, errOut := s.run("", "--db", scene.file, "new", "-q", "dpia", "-s", "Acme", "--date", "2026-03-01")
	if code != 0 {
		t.Fatalf("new with files planted beside its build: exit %d\n%s%s", code, out, errOut)
	}
	if len(scene.planted) == 0 {
		t.Fatal("the hook was not called: the first command's build was not seen")
	}
	scene.checkNothingPlantedWasUsed(t, "the new database")
	if fi, err := os.Lstat(visible); err == nil {
		t.Errorf("the build %s (%v) is still there after the command", filepath.Base(visible), fi.Mode())
	}
	if code, out, errOut := s.run("", "--db", scene.file, "verify"); code != 0 || !strings.Contains(out, "Audit trail intact") {
		t.Errorf("verify on the new database: exit %d\n%s%s", code, out, errOut)
	}
}

// The creation folder a killed first command left (its database and the
// database's -wal inside) is removed whole by the next run; a live
// run's is kept.
func TestKilledFirstCommandsBuildFolderIsRemovedWhole(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	file := filepath.Join(dir, "portfolio.db")
	prefix := buildingPrefix(file, "creating")
	gone, live := prefix+strconv.Itoa(goneProcessID(t)), prefix+strconv.Itoa(os.Getppid()) // go test, alive
	for _, folder := range []string{gone, live} {
		must(t, os.Mkdir(folder, 0o700))
		writeFile(t, folder, "portfolio.db", "part of a database")
		writeFile(t, folder, "portfolio.db-wal", "part of its log")
	}
	s.ok("--db", file, "new", "-q", "dpia", "-s", "Acme", "--date", "2026-03-01")
	names := folderNames(t, dir)
	if slices.Contains(names, filepath.Base(gone)) {
		t.Errorf("the folder of a killed first command is still there: %q", names)
	}
	if !slices.Contains(names, filepath.Base(live)) {
		t.Errorf("a live run's folder was removed: %q", names)
	}
}
