package main

import (
	"os"
	"path/filepath"
)

// assay backup and assay migrate --from build their database in a folder
// of their own beside the target, .NAME.KIND-PID, made owner-only where
// nothing was: os.Mkdir neither follows a link at that name nor takes
// over anything there, as the O_EXCL the database file itself is made
// with. The database in it bears the target's name. SQLite makes the
// files it keeps beside a database (-journal, -wal, -shm) by name and
// opens whatever is there: built beside the target, in a folder others
// may write such as /tmp, a file another user planted at
// .NAME.backup-PID-wal (a name anyone could guess) was taken for the
// copy's own write log and a link at its -journal name went to SQLite.
// In a folder only its owner may enter, nothing can be planted beside it.

// makeBuild creates folder, owner-only, and returns the path of the
// database to build in it, for target.
func makeBuild(folder, target string) (string, error) {
	if err := os.Mkdir(folder, 0o700); err != nil {
		return "", err
	}
	return filepath.Join(folder, filepath.Base(target)), nil
}

// removeBuild removes what a build named folder left: the folder and
// everything in it, and the files an assay that built beside the target
// left under that name.
func removeBuild(folder string) {
	if fi, err := os.Lstat(folder); err == nil && fi.IsDir() {
		_ = os.RemoveAll(folder)
	}
	removeDatabaseFiles(folder)
}
