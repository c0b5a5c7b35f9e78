package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// The build folder a killed backup or migrate left (its copy and the
// copy's -wal inside) is removed whole by the next run into the same
// target; a live run's folder is kept. The folder is made owner-only,
// and never where something already is.
func TestStaleBuildFoldersAreRemovedWhole(t *testing.T) {
	gone, live := strconv.Itoa(goneProcessID(t)), strconv.Itoa(os.Getpid())
	for _, kind := range []string{"backup", "migrating"} {
		folder := t.TempDir()
		target := filepath.Join(folder, "portfolio.db")
		prefix := buildingPrefix(target, kind)
		for _, id := range []string{gone, live} {
			copyPath, err := makeBuild(prefix+id, target)
			must(t, err)
			must(t, os.WriteFile(copyPath, []byte("part of a copy"), 0o600))
			must(t, os.WriteFile(copyPath+"-wal", []byte("part of its log"), 0o600))
			if fi, err := os.Stat(prefix + id); err != nil || fi.Mode().Perm() != 0o700 {
				t.Errorf("%s: the build folder is %v (%v), want owner-only", kind, fi.Mode(), err)
			}
		}
		if _, err := makeBuild(prefix+live, target); err == nil {
			t.Errorf("%s: a build folder was made where one already was", kind)
		}
		removeStaleBuilds(target, kind)
		names := folderNames(t, folder)
		if slices.Contains(names, filepath.Base(prefix+gone)) {
			t.Errorf("%s: the folder of a run that is gone is still there: %q", kind, names)
		}
		if !slices.Contains(names, filepath.Base(prefix+live)) {
			t.Errorf("%s: a live run's folder was removed: %q", kind, names)
		}
	}
}
