package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
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

// asGiven is err with building, the path the copy for name is built
// under, named as name, the file the person gave. Messages from the
// store and from SQLite name the file they were handed, and for a backup
// that is in a folder held open (/proc/self/fd/N/.NAME.backup-PID/NAME):
// a path that means nothing to the person and is gone once assay exits.
// The error's kind (its exit code) is err's.
func asGiven(err error, building, name string) error {
	if err == nil || !strings.Contains(err.Error(), building) {
		return err
	}
	return givenName{err, strings.ReplaceAll(err.Error(), building, shownName(name))}
}

// givenName is an error said with the copy named as the person gave it.
type givenName struct {
	err  error
	text string
}

func (e givenName) Error() string { return e.text }
func (e givenName) Unwrap() error { return e.err }

// namedAsBuild reports whether name has the form of a build's name,
// .NAME.backup-PID or .NAME.migrating-PID, or one of the files SQLite
// keeps beside one: a later backup or move to NAME removes such a file as
// the leftover of a killed run (removeStaleBuilds), so a backup given
// that name would be lost without a word.
func namedAsBuild(name string) bool {
	base := trimDatabaseSuffix(filepath.Base(name))
	for _, kind := range []string{"backup", "migrating"} {
		if _, _, ok := buildFolderName(base, kind); ok {
			return true
		}
	}
	return false
}

// refuseBuildName refuses name, a backup's or a move's new file, when it
// has the form of a build's name (namedAsBuild), saying so as nothing
// ends the command's message ("nothing was written", "nothing was
// copied").
func refuseBuildName(name, nothing string) error {
	if !namedAsBuild(name) {
		return nil
	}
	return fmt.Errorf("%s is named as assay names a copy it is building (.NAME.backup-PID or .NAME.migrating-PID), "+
		"and a later backup or move to NAME removes such a file as left by a killed run; %s. Choose another name", shownName(name), nothing)
}
