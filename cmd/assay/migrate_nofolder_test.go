package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// assay migrate --from into a file whose folder is not there said
// "creating nothere/archive.db: mkdir nothere/.archive.db.migrating-PID:
// no such file or directory": the name of a folder of assay's own that
// the person never asked for, in the system's words. It now says what
// assay backup and -o say of a missing folder, and creates nothing.
func TestMigrateFromIntoAMissingFolderSaysSo(t *testing.T) {
	s, owner, env := teamOwnerToMigrate(t)
	missing := filepath.Join(t.TempDir(), "nothere")
	file := filepath.Join(missing, "archive.db")
	r := runProc(s.bin, withEnv(env, "ASSAY_DB", file), "migrate", "--from", owner.dsn)
	want := "the folder " + missing + " does not exist, and assay creates none; nothing was copied"
	if r.code == 0 || !strings.Contains(r.errs, want) {
		t.Errorf("migrate --from into a missing folder: exit %d, stderr %q; want %q in it", r.code, r.errs, want)
	}
	if strings.Contains(r.errs, ".migrating-") || strings.Contains(r.errs, "mkdir") {
		t.Errorf("migrate --from into a missing folder names assay's own build folder, in the system's words: %q", r.errs)
	}
	if _, err := os.Lstat(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("migrate --from created the missing folder (%v)", err)
	}
}
