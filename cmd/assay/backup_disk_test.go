package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// A backup that cannot be written (its disk full, or the file over a
// size limit: here ulimit -f, as a full disk fails the same write) says
// so of the backup file, not of the database, which it only reads and
// which is fine; and it leaves nothing in the backup's folder.
func TestBackupToAFullDiskNamesTheBackup(t *testing.T) {
	bin, _, db, env := binaryWithAssessment(t)
	folder := t.TempDir()
	file := filepath.Join(folder, "portfolio.db")
	cmd := exec.Command("/bin/sh", "-c", `ulimit -f 64 && exec "$0" backup "$1"`, bin, file)
	cmd.Env = env
	out, err := cmd.CombinedOutput()
	msg := string(out)
	if err == nil || !strings.Contains(msg, file) || strings.Contains(msg, db) || !strings.Contains(msg, "nothing was written") {
		t.Errorf("assay backup to a file over the size limit: %v, %q; want an error naming %s (not the database) and nothing was written", err, msg, file)
	}
	if names := folderNames(t, folder); len(names) != 0 {
		t.Errorf("the failed backup left %q", names)
	}
	if _, err := os.Stat(db); err != nil {
		t.Fatal(err)
	}
}
