package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// A run that cleans up what a killed backup, migrate or first command
// left removes the copy, then its -wal, -shm and -journal; killed itself
// in between (the kill test's next run was, under load), it left the
// copy's -journal alone, which no run removed after: removeStaleBuilds
// knew a killed run's files by the copy's name only. The files of a run
// that is gone are now removed whichever of them is left; a live run's
// are kept.
func TestStaleBuildSidecarsAreRemovedWithoutTheirCopy(t *testing.T) {
	gone, live := strconv.Itoa(goneProcessID(t)), strconv.Itoa(os.Getpid())
	for _, kind := range []string{"backup", "migrating", "creating"} {
		folder := t.TempDir()
		target := filepath.Join(folder, "portfolio.db")
		prefix := filepath.Base(buildingPrefix(target, kind))
		stale := []string{prefix + gone + "-journal", prefix + gone + "-wal", prefix + gone + "-shm"}
		kept := []string{"portfolio.db-journal", prefix + live + "-journal", prefix + "x-journal", prefix + gone + "-journal.old"}
		for _, n := range append(stale, kept...) {
			must(t, os.WriteFile(filepath.Join(folder, n), []byte("left by a killed run"), 0o600))
		}
		removeStaleBuilds(target, kind)
		names := folderNames(t, folder)
		for _, n := range stale {
			if slices.Contains(names, n) {
				t.Errorf("%s: %s, left by a run that is gone, is still there", kind, n)
			}
		}
		for _, n := range kept {
			if !slices.Contains(names, n) {
				t.Errorf("%s: %s, no killed run's, was removed", kind, n)
			}
		}
	}
}
