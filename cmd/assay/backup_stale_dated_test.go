package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// The README names backups by their day (portfolio-2026-03-15.db) and
// promises that the next backup removes whatever a killed one left beside
// it. A backup killed on the 15th leaves its folder,
// .portfolio-2026-03-15.db.backup-PID, holding a copy of the whole
// portfolio under the backup's own name; the next day's backup, to
// portfolio-2026-03-16.db, looked only for what a backup to the 16th's
// name had left, so the 15th's copy stayed for good, beside the backups,
// a full copy of the portfolio no one knew was there. The next backup
// into the folder now removes every such folder of a backup that is
// gone, whatever its name; a live backup's, another user's, and anything
// that is not such a folder are kept.
func TestBackupRemovesWhatAKilledBackupOfAnotherDayLeft(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	folder := t.TempDir()
	gone, live := strconv.Itoa(goneProcessID(t)), strconv.Itoa(os.Getpid())

	// What a backup to the 15th killed before its rename leaves: its
	// folder, with the copy in it, and the copy's journal.
	killed := ".portfolio-2026-03-15.db.backup-" + gone
	must(t, os.Mkdir(filepath.Join(folder, killed), 0o700))
	copyDB(t, s.env["ASSAY_DB"], filepath.Join(folder, killed, "portfolio-2026-03-15.db"))
	must(t, os.WriteFile(filepath.Join(folder, killed, "portfolio-2026-03-15.db-journal"), []byte("left by a killed run"), 0o600))

	// Kept: a backup running now, a folder named so that holds something
	// else too, a plain file of that name, and one of no process.
	running := ".portfolio-2026-03-14.db.backup-" + live
	must(t, os.Mkdir(filepath.Join(folder, running), 0o700))
	must(t, os.WriteFile(filepath.Join(folder, running, "portfolio-2026-03-14.db"), nil, 0o600))
	mixed := ".notes.db.backup-" + gone
	must(t, os.Mkdir(filepath.Join(folder, mixed), 0o700))
	must(t, os.WriteFile(filepath.Join(folder, mixed, "notes.db"), nil, 0o600))
	must(t, os.WriteFile(filepath.Join(folder, mixed, "my-notes.txt"), []byte("mine"), 0o600))
	plain := ".plans.db.backup-" + gone
	must(t, os.WriteFile(filepath.Join(folder, plain), []byte("a file of mine"), 0o600))
	noProcess := ".old.db.backup-x"
	must(t, os.Mkdir(filepath.Join(folder, noProcess), 0o700))
	kept := []string{running, mixed, plain, noProcess}
	if os.Geteuid() == 0 {
		// Another user's is theirs to clear, even for root.
		theirs := ".theirs.db.backup-" + gone
		must(t, os.Mkdir(filepath.Join(folder, theirs), 0o700))
		must(t, os.WriteFile(filepath.Join(folder, theirs, "theirs.db"), nil, 0o600))
		must(t, os.Chown(filepath.Join(folder, theirs), 65534, 65534))
		kept = append(kept, theirs)
	}

	s.ok("backup", filepath.Join(folder, "portfolio-2026-03-16.db"))
	names := folderNames(t, folder)
	if slices.Contains(names, killed) {
		t.Errorf("the backup to the 16th left %s, the copy a killed backup to the 15th left: the folder holds %q", killed, names)
	}
	for _, n := range append(kept, "portfolio-2026-03-16.db") {
		if !slices.Contains(names, n) {
			t.Errorf("the backup to the 16th removed %s, which is no killed backup's: the folder holds %q", n, names)
		}
	}
	if _, err := os.Stat(filepath.Join(folder, mixed, "my-notes.txt")); err != nil {
		t.Errorf("a file of the person's in a folder named like a backup's was removed: %v", err)
	}
}
