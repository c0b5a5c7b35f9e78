package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// A first command killed with SIGKILL leaves the database it was
// building beside the place (.assay.db.creating-PID), holding what it
// had recorded: a vendor's answers, in a file nobody opens. Only another
// command that creates the database removed it, so after the workspace,
// or commands that only read, it stayed: in a folder listing, and in any
// copy the person made of the folder as a backup. Every command that
// opens the SQLite database now removes the ones of runs that are gone;
// a live run's is kept.
func TestKilledFirstCommandsBuildIsRemovedByTheNextCommand(t *testing.T) {
	s := newCLISession(t)
	s.ok("new", "-q", "dpia", "-s", "Acme", "--date", "2026-03-01")
	dir := filepath.Dir(s.env["ASSAY_DB"])
	prefix := filepath.Base(buildingPrefix(s.env["ASSAY_DB"], "creating"))
	gone, live := prefix+strconv.Itoa(goneProcessID(t)), prefix+strconv.Itoa(os.Getppid()) // go test, alive
	for _, read := range [][]string{{"list"}, {"score", "1"}, {"verify"}} {
		for _, n := range []string{gone, gone + "-journal", live} {
			must(t, os.WriteFile(filepath.Join(dir, n), []byte("left by a killed run"), 0o600))
		}
		s.ok(read...)
		names := folderNames(t, dir)
		if slices.Contains(names, gone) || slices.Contains(names, gone+"-journal") {
			t.Errorf("after assay %v the killed first command's build is still there: %q", read, names)
		}
		if !slices.Contains(names, live) {
			t.Errorf("after assay %v a live run's build was removed: %q", read, names)
		}
	}
}
