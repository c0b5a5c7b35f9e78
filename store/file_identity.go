package store

import (
	"os"
	"sync"

	"github.com/assay-dev/assay/assess"
)

// SQLite writes to the file it opened, whatever its path names later, and
// keeps the -wal and -shm that coordinate windows beside the name it was
// opened by. So a database deleted, moved or swapped while assay has it
// open (its folder removed or renamed, a symbolic link pointed elsewhere)
// would take every later change into a file nobody opens again, each
// shown as saved; and two windows using two hard links to one file would
// each keep their own log and corrupt it. checkFile, run inside every
// write transaction once it holds the write lock, refuses the write
// instead, before anything is recorded.

// fileID is the file a SQLite database's path named when it was opened,
// and its write log: the -wal and -shm files this handle's connection
// keeps open. Deleted while it is open (by hand, or by a clean-up tool),
// they are no longer those the next window opens, and each window's
// commits go where the other never reads them.
type fileID struct {
	info     os.FileInfo
	wal, shm os.FileInfo // nil until identifyLog, or outside WAL mode
	// written is the file's size and time once this handle's last write
	// committed: a file changed since, with this handle's log gone, was
	// written by a window using a new log. Set after the commit, outside
	// the write lock, so two goroutines' writes may set it at once: mu.
	mu      sync.Mutex
	written os.FileInfo
}

// identify records the file path names now; nil if it cannot be read
// (opening fails soon after with its own words).
func identify(path string) *fileID {
	fi, err := os.Stat(path)
	if err != nil {
		return nil
	}
	return &fileID{info: fi}
}

// identifyLog records the -wal and -shm files, once the connection has
// opened them (after migrate, which reads the file in WAL mode).
func (f *fileID) identifyLog(path string) {
	if f == nil {
		return
	}
	f.wal, _ = os.Stat(path + "-wal")
	f.shm, _ = os.Stat(path + "-shm")
	f.wrote(path)
}

// wrote records the file as this handle's write left it.
func (f *fileID) wrote(path string) {
	if f == nil {
		return
	}
	fi, _ := os.Stat(path)
	f.mu.Lock()
	f.written = fi
	f.mu.Unlock()
}

// othersWroteWithoutUs reports that the log this handle opened is gone
// and another window wrote through a new one: a -wal that is not this
// handle's, or the file changed since this handle's last write. Closing
// normally would copy this handle's old log into the file, over that
// window's confirmed changes, and then delete that window's -wal.
func (f *fileID) othersWroteWithoutUs(path string) bool {
	if f == nil || f.wal == nil {
		return false
	}
	f.mu.Lock()
	written := f.written
	f.mu.Unlock()
	if written == nil {
		return false
	}
	if now, err := os.Stat(path + "-wal"); err == nil {
		return !os.SameFile(now, f.wal)
	}
	now, err := os.Stat(path)
	return err == nil && (now.Size() != written.Size() || !now.ModTime().Equal(written.ModTime()))
}

// checkFile refuses a write when path no longer names the file opened, or
// names it by one of several hard links.
func (db *DB) checkFile() error {
	if db.file == nil {
		return nil
	}
	fi, err := os.Stat(db.path)
	if err != nil || !os.SameFile(fi, db.file.info) {
		return assess.Errorf(assess.EInternal, "%s is no longer the file assay opened: it, or the folder holding it, was deleted, moved or replaced while assay had it open; nothing was recorded. Put it back, or quit and open the database where it is now", db.path)
	}
	for _, log := range []struct {
		was    os.FileInfo
		suffix string
	}{{db.file.wal, "-wal"}, {db.file.shm, "-shm"}} {
		if log.was == nil {
			continue
		}
		if now, err := os.Stat(db.path + log.suffix); err != nil || !os.SameFile(now, log.was) {
			return assess.Errorf(assess.EInternal, "%s was opened with a write log (its -wal and -shm files) that has since been deleted or replaced; nothing was recorded. Quit every assay window using it and open it again; never delete those files while assay runs", db.path)
		}
	}
	if n := links(fi); n > 1 {
		return assess.Errorf(assess.EInternal, "%s has another name (a hard link; %d names in all): SQLite keeps its write log beside the name a window opens, so windows using different names would corrupt it; nothing was recorded. Keep one name (remove the other links, or copy the file) and try again", db.path, n)
	}
	return nil
}
