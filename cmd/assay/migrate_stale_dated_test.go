package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// assay migrate --from into a new file builds it in .NAME.migrating-PID,
// and a run killed there leaves a copy of the team's whole portfolio in
// it. The next move removed only what a move to the same name had left:
// archives named by their day (archive-2026-03-15.db) kept a killed
// run's copy for good. The next move into the folder now removes every
// such folder whose run is gone, whatever its name, as a backup does
// (TestBackupRemovesWhatAKilledBackupOfAnotherDayLeft); a live run's is
// kept.
func TestMigrateFromRemovesWhatAKilledMoveOfAnotherDayLeft(t *testing.T) {
	s, owner, env := teamOwnerToMigrate(t)
	folder := t.TempDir()
	gone, live := strconv.Itoa(goneProcessID(t)), strconv.Itoa(os.Getpid())
	killed := ".archive-2026-03-15.db.migrating-" + gone
	must(t, os.Mkdir(filepath.Join(folder, killed), 0o700))
	must(t, os.WriteFile(filepath.Join(folder, killed, "archive-2026-03-15.db"), []byte("a killed move's copy"), 0o600))
	running := ".archive-2026-03-14.db.migrating-" + live
	must(t, os.Mkdir(filepath.Join(folder, running), 0o700))

	file := filepath.Join(folder, "archive-2026-03-16.db")
	if r := runProc(s.bin, withEnv(env, "ASSAY_DB", file), "migrate", "--from", owner.dsn); r.code != 0 {
		t.Fatalf("migrate --from: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	names := folderNames(t, folder)
	if slices.Contains(names, killed) {
		t.Errorf("the move to the 16th left %s, a killed move's copy: the folder holds %q", killed, names)
	}
	for _, n := range []string{running, "archive-2026-03-16.db"} {
		if !slices.Contains(names, n) {
			t.Errorf("the move to the 16th removed %s: the folder holds %q", n, names)
		}
	}
}
