package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/store"
)

// assay migrate --from into a file that is not there yet builds the copy
// in a folder of its own beside it, .NAME.migrating-PID (build_folder.go),
// verifies it there,
// closes it (which folds its write log into it) and only then gives it
// the target's name. A run killed at any moment, even with SIGKILL or by
// a power cut, so leaves the target absent, never a database holding the
// schema or part of the portfolio; the file it was building is removed by
// the next run, once the process that made it is gone.

// migratingPrefix is how the file being built for target begins; the
// process's ID follows.
func migratingPrefix(target string) string { return buildingPrefix(target, "migrating") }

// buildingPrefix is how a file being built for target begins, beside it:
// .NAME.KIND-, then the process's ID. assay backup builds its copy the
// same way (KIND backup), and clears what a killed one left the same way.
func buildingPrefix(target, kind string) string {
	return filepath.Join(filepath.Dir(target), "."+filepath.Base(target)+"."+kind+"-")
}

// newFileAt is where assay migrate --from builds a new file for name:
// name itself when nothing is there, or the file a symbolic link at name
// leads to when that is not there (a link to a drive's file not made
// yet), which it creates as every command that creates the database does;
// "" when a file (or anything else) is there. A link to nothing was taken
// for a file that is there: the file it points to was created by opening
// it, and a copy that failed left it, holding no portfolio.
func newFileAt(name string) string {
	at := name
	for range 40 { // the system gives up on a chain of links too
		fi, err := os.Lstat(at)
		if errors.Is(err, fs.ErrNotExist) {
			return at
		}
		if err != nil || fi.Mode().Type() != fs.ModeSymlink {
			return ""
		}
		to, err := os.Readlink(at)
		if err != nil {
			return ""
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(asResolved(at)), to)
		}
		at = to
	}
	return ""
}

// migrateIntoNewFile copies server's portfolio into target, a file that
// does not exist, as above: name itself, or where a link at name leads.
// Messages name the file as name, the name the person gave. placing is
// called as the copy is put in place (sayIfInterrupted).
func (a *app) migrateIntoNewFile(ctx context.Context, server *store.DB, name, target string, placing func()) error {
	// Said as backup and -o say it, before the build folder's mkdir
	// would name that folder in the system's words.
	if why := folderMissing(target, target); why != "" {
		shown := shownName(name)
		if name != target {
			shown += " (a link to " + shownName(target) + ")"
		}
		return fmt.Errorf("cannot write %s: %s; nothing was copied", shown, why)
	}
	removeStaleBuilds(target, "migrating")
	removeDeadBuildsIn(filepath.Dir(target), "migrating") // killed moves to other names (stale_builds_others.go)
	folder := migratingPrefix(target) + strconv.Itoa(os.Getpid())
	removeBuild(folder) // one of this process's ID is a dead one's
	building, err := makeBuild(folder, target)
	if err != nil {
		return fmt.Errorf("creating %s: %w; nothing was copied", shownName(target), err)
	}
	defer os.RemoveAll(folder) // empty once the copy is in place
	done, err := a.buildCopy(ctx, server, building, name)
	err = asGiven(err, building, name)
	if err == nil {
		placing()
		err = putInPlace(building, target)
	}
	if err != nil {
		return err
	}
	a.reportCopy(server.Where(), name, done)
	return nil
}

// buildCopy copies server's portfolio into a new database at building,
// verified, and closes it: on success the file alone is the database.
func (a *app) buildCopy(ctx context.Context, server *store.DB, building, target string) (store.Copied, error) {
	file, err := a.openStore(building)
	if err != nil {
		return store.Copied{}, err
	}
	file.ShowAs(target)
	done, err := store.CopyPortfolio(ctx, server, file)
	if cerr := file.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("closing the copy of %s: %w; nothing was copied", shownName(target), cerr)
	}
	if err != nil {
		return store.Copied{}, err
	}
	return done, settleClosed(building, target, "nothing was copied")
}

// settleClosed makes the closed database at building stand alone and
// durable before it takes target's name: closed, SQLite has copied its
// write log into the file and removed it; a log still there holds part
// of the copy, which the file renamed alone would lack. nothing ends the
// message, as the command says it.
func settleClosed(building, target, nothing string) error {
	for _, suffix := range []string{"-wal", "-journal"} {
		if _, err := os.Lstat(building + suffix); err == nil {
			return assess.Errorf(assess.EInternal,
				"the copy for %s still has its write log %s after it was closed, so the file alone is not the whole copy; %s",
				shownName(target), safetext.OneLine(filepath.Base(building+suffix)), nothing)
		}
	}
	_ = os.Remove(building + "-shm") // an index into the log, nothing of the copy
	return syncFile(building)
}

// putInPlace gives building the name target, unless target appeared
// meanwhile (linkInPlace), for assay migrate and assay backup.
func putInPlace(building, target string) error {
	var renaming *os.LinkError
	switch err := linkInPlace(building, target); {
	case errors.Is(err, errAppeared):
		return appeared(target)
	case errors.As(err, &renaming):
		return fmt.Errorf("renaming the copy to %s: %w; nothing was copied", shownName(target), err)
	default:
		return err
	}
}

// errAppeared is linkInPlace's answer when target is there already.
var errAppeared = errors.New("the name is taken")

// linkInPlace gives building the name target, unless target appeared
// meanwhile: another process's file is never replaced. A hard link makes
// the name only if it is free; where the file system has none, a check
// and a rename do, which leaves a moment's race. assay migrate, assay
// backup and a command creating the database (db_first.go) share it.
func linkInPlace(building, target string) error {
	err := os.Link(building, target)
	switch {
	case err == nil:
		if err := os.Remove(building); err != nil {
			return err
		}
	case errors.Is(err, fs.ErrExist):
		return errAppeared
	default:
		if _, err := os.Lstat(target); !errors.Is(err, fs.ErrNotExist) {
			return errAppeared
		}
		if err := os.Rename(building, target); err != nil {
			return err
		}
	}
	return syncFile(filepath.Dir(target))
}

func appeared(target string) error {
	return assess.Errorf(assess.EConflict,
		"%s appeared while the copy was made (another program or assay created it): it was left as it is and the copy removed; nothing was copied",
		shownName(target))
}

// syncFile makes what was written to path, a file or a folder, durable:
// the copy's pages before it takes the target's name, and the folder's
// new name after.
func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := f.Sync(); err != nil {
		return fmt.Errorf("writing %s to disk: %w; nothing was copied", safetext.OneLine(path), err)
	}
	return nil
}

// removeStaleMigrations removes the files a killed assay migrate left
// while building target: those whose process is gone.
func removeStaleMigrations(target string) { removeStaleBuilds(target, "migrating") }

// removeStaleBuilds removes the files a killed assay migrate (kind
// migrating) or assay backup (kind backup) left while building target:
// those whose process is gone.
func removeStaleBuilds(target, kind string) {
	prefix := filepath.Base(buildingPrefix(target, kind))
	entries, _ := os.ReadDir(filepath.Dir(target))
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		id := trimDatabaseSuffix(rest)
		pid, err := strconv.Atoi(id)
		if !ok || err != nil || pid == os.Getpid() || !processGone(pid) {
			continue // a live run's, or no run's
		}
		// By the build's name, whichever of its files is left: a run
		// killed while it removed them may have removed the copy alone.
		removeBuild(filepath.Join(filepath.Dir(target), prefix+id))
	}
}

// trimDatabaseSuffix is name without the -wal, -shm or -journal SQLite
// adds to a database's name for the files it keeps beside it.
func trimDatabaseSuffix(name string) string {
	for _, suffix := range databaseSuffixes[1:] {
		if base, ok := strings.CutSuffix(name, suffix); ok {
			return base
		}
	}
	return name
}

// removeDatabaseFiles removes a database file and the files SQLite keeps
// beside it.
func removeDatabaseFiles(path string) {
	for _, suffix := range databaseSuffixes {
		_ = os.Remove(path + suffix)
	}
}
