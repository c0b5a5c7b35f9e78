package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A copy refused after it was made (here, rows another program left
// without their subject fail SQLite's foreign key check in the copy) is
// named by the file the person gave, where nothing was left: it was
// named by the path assay built it under, /proc/self/fd/N/.NAME.backup-PID/NAME,
// which means nothing to the person and is gone once assay exits.
func TestBackupRefusalNamesTheCopyByTheGivenName(t *testing.T) {
	s := newCLISession(t)
	s.worstCase("vendor-security-screen")
	s.plant(`DELETE FROM subjects`)
	dir := t.TempDir()
	file := filepath.Join(dir, "b.db")
	code, _, errOut := s.run("", "backup", file)
	want := "the copy for " + file + " fails SQLite's foreign key check"
	if code == 0 || !strings.Contains(errOut, want) || !strings.Contains(errOut, "nothing was written") {
		t.Errorf("assay backup of a database with orphaned rows: exit %d, %q\nwant it to say %q and that nothing was written", code, errOut, want)
	}
	for _, internal := range []string{"/proc/self/fd", ".backup-"} {
		if strings.Contains(errOut, internal) {
			t.Errorf("the refusal names the copy by its build path (%s): %q", internal, errOut)
		}
	}
	if names := folderNames(t, dir); len(names) != 0 {
		t.Errorf("a refused backup left %q", names)
	}
}
