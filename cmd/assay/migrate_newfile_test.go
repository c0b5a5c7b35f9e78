package main

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// A file that appeared at the target while assay migrate --from built
// its copy is never replaced: the move is refused, naming it, the file
// keeps what it held, and the copy is removed by its caller.
func TestMigratePutInPlaceNeverReplacesAFileThatAppeared(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "archive.db")
	building := migratingPrefix(target) + "123"
	if err := os.WriteFile(building, []byte("the copy"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(target, []byte("someone else's"), 0o600); err != nil {
		t.Fatal(err)
	}
	err := putInPlace(building, target)
	if err == nil || !strings.Contains(err.Error(), "appeared while the copy was made") || !strings.Contains(err.Error(), target) {
		t.Errorf("putting the copy in place over a file that appeared: %v; want a refusal naming %s", err, target)
	}
	if b, _ := os.ReadFile(target); string(b) != "someone else's" {
		t.Errorf("the file that appeared now holds %q", b)
	}

	// With the name free, the copy takes it and its own name goes.
	other := filepath.Join(dir, "other.db")
	if err := putInPlace(building, other); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(other); string(b) != "the copy" {
		t.Errorf("the copy put in place holds %q", b)
	}
	if _, err := os.Lstat(building); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the copy's own name is still there after it was put in place: %v", err)
	}
}

// The file a killed assay migrate --from was building is removed by the
// next run into the same target, with its -wal and -shm; one a running
// process builds, or one for another target, is left alone.
func TestMigrateRemovesOnlyADeadRunsFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "archive.db")
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("no true command to make a process that is gone")
	}
	gone := migratingPrefix(target) + strconv.Itoa(dead.Process.Pid)
	live := migratingPrefix(target) + strconv.Itoa(os.Getppid())
	elsewhere := migratingPrefix(filepath.Join(dir, "other.db")) + strconv.Itoa(dead.Process.Pid)
	for _, f := range []string{gone, gone + "-wal", gone + "-shm", live, elsewhere} {
		if err := os.WriteFile(f, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	removeStaleMigrations(target)
	for _, f := range []string{gone, gone + "-wal", gone + "-shm"} {
		if _, err := os.Lstat(f); !errors.Is(err, fs.ErrNotExist) {
			t.Errorf("%s, a dead run's, is still there (%v)", filepath.Base(f), err)
		}
	}
	for _, f := range []string{live, elsewhere} {
		if _, err := os.Lstat(f); err != nil {
			t.Errorf("%s was removed: %v", filepath.Base(f), err)
		}
	}
}
