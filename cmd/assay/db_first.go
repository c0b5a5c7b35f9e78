package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/store"
)

// A command that creates the SQLite database (createsDatabase, but not
// the workspace, which stays open for a session, nor migrate --from,
// which builds its own: migrate_newfile.go) and finds none at its place
// builds it beside it, in an owner-only folder of its own,
// .NAME.creating-PID (build_folder.go: in a shared folder nobody can
// plant a file or a link where SQLite would take it for the new
// database's -journal, -wal or -shm), runs against that file, and gives
// it the place's name only when the command has succeeded. A
// command refused, stopped or killed half way so leaves no database, and
// the folders it made for it are removed again if empty: README promises
// that refused input changes nothing, and an empty portfolio, or an empty
// file a killed run left, would read as lost work.
//
// Runs that find no database at one place take turns under a lock on its
// folder, each looking again once it holds it: the first that succeeds
// makes the database, and those after it open that one. A run never
// removes or replaces a database another one made (linkInPlace).

// firstBuild is a database being built for a place that had none.
type firstBuild struct {
	folder           string // the owner-only folder building is in
	building, target string
	made             []string // folders this run made for it, deepest first
	unlock           func()
	out              io.Writer     // the command's output, held back
	held             *bytes.Buffer // until the database is in place
}

// storeFirst opens a new database for path, where there is none, as
// above. With none to build (the file is there, or another run made it
// meanwhile) it returns nil and no error, for the caller to open path.
func (a *app) storeFirst(path string) (*store.DB, error) {
	for range 20 {
		if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
			removeStaleBuilds(path, "creating") // a killed run's, which lost the race
			return nil, nil
		}
		dir := filepath.Dir(path)
		made, err := makeFolders(dir)
		if err != nil {
			return nil, cannotCreateDatabase(path, err)
		}
		unlock, same, err := lockFolder(dir)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue // removed by a refused run just now
		case err != nil:
			removeFolders(made)
			return nil, cannotCreateDatabase(path, err)
		case !same:
			unlock()
			continue
		}
		if _, err := os.Lstat(path); !errors.Is(err, fs.ErrNotExist) {
			unlock()
			return nil, nil
		}
		f := &firstBuild{folder: buildingPrefix(path, "creating") + strconv.Itoa(os.Getpid()), target: path, made: made, unlock: unlock}
		removeStaleBuilds(path, "creating")
		removeBuild(f.folder) // one of this process's ID is a dead one's
		if f.building, err = makeBuild(f.folder, path); err != nil {
			// What is at the folder's name is not this run's to remove.
			removeFolders(made)
			unlock()
			return nil, cannotCreateDatabase(path, err)
		}
		backupCopyCreated(f.building)
		db, err := a.openStoreMode(f.building, true)
		if err != nil {
			f.discard()
			return nil, namedAs{err, f.building, path}
		}
		db.ShowAs(path)
		f.out, f.held = a.stdout, &bytes.Buffer{}
		a.stdout = f.held
		a.first = f
		return db, nil
	}
	return nil, fmt.Errorf("creating %s: its folder kept being removed by other runs; nothing was recorded", safetext.OneLine(path))
}

// finishFirst, once the command has succeeded, closes the database it
// built (which folds its write log into the file) and gives it its
// place's name, then writes what the command said. A file that took the
// name meanwhile (another program, or an assay without the lock) is left
// as it is, and the command's work is not recorded.
func (a *app) finishFirst() error {
	f := a.first
	if f == nil {
		return nil
	}
	a.first, a.stdout = nil, f.out
	err := a.db.Close()
	a.db = nil
	if err == nil {
		err = settleClosed(f.building, f.target, "nothing was recorded")
	}
	if err == nil {
		err = linkInPlace(f.building, f.target)
	}
	if err == nil {
		_ = os.RemoveAll(f.folder) // empty once the database is in place
	}
	if errors.Is(err, errAppeared) {
		err = assess.Errorf(assess.EConflict, "%s appeared while this command ran (another program created it): it was left as it is; nothing was recorded, so run the command again",
			safetext.OneLine(f.target))
	} else if err != nil {
		err = fmt.Errorf("creating %s: %w; nothing was recorded", safetext.OneLine(f.target), err)
	}
	if err != nil {
		f.discard()
		return err
	}
	f.unlock()
	_, err = f.out.Write(f.held.Bytes())
	return err
}

// dropFirst is the end of a command that did not succeed: the database it
// was building, and what it said about it, go.
func (a *app) dropFirst() {
	f := a.first
	if f == nil {
		return
	}
	a.first, a.stdout = nil, f.out
	if a.db != nil {
		a.db.Close()
		a.db = nil
	}
	f.discard()
}

// discard removes the file being built, then the folders made for it if
// they are empty, while the lock is held: a run waiting on the folder
// sees it gone and makes it again.
func (f *firstBuild) discard() {
	removeBuild(f.folder)
	removeFolders(f.made)
	f.unlock()
}

// makeFolders makes dir and the folders above it that are missing, each
// private, and returns those this run made, deepest first.
func makeFolders(dir string) ([]string, error) {
	var missing []string
	for d := dir; ; d = filepath.Dir(d) {
		if _, err := os.Lstat(d); err == nil || !errors.Is(err, fs.ErrNotExist) || filepath.Dir(d) == d {
			break
		}
		missing = append(missing, d)
	}
	var made []string
	for i := len(missing) - 1; i >= 0; i-- {
		err := os.Mkdir(missing[i], 0o700)
		if err == nil {
			made = append([]string{missing[i]}, made...)
		} else if !errors.Is(err, fs.ErrExist) {
			removeFolders(made)
			return nil, err
		}
	}
	return made, nil
}

// cannotCreateDatabase is why the database at path could not be made,
// the system's refusal of a folder in assay's words (unwritable_place.go).
func cannotCreateDatabase(path string, err error) error {
	return fmt.Errorf("cannot create the database %s: %w; nothing was recorded", safetext.OneLine(path), unwritablePlace(err, databasePlaceRemedy))
}

// removeFolders removes the folders made, deepest first, each only if
// empty.
func removeFolders(made []string) {
	for _, d := range made {
		if os.Remove(d) != nil {
			return
		}
	}
}

// namedAs is err as the person knows the file: the database's place, not
// the name it was built under, which is gone.
type namedAs struct {
	err      error
	building string
	target   string
}

func (e namedAs) Error() string {
	return strings.ReplaceAll(e.err.Error(), e.building, safetext.OneLine(e.target))
}

func (e namedAs) Unwrap() error { return e.err }
