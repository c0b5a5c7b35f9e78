package store

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"sync"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/assay-dev/assay/assess"
)

// failure turns an error from SQLite on the database at path into one a
// person can act on: what happened, what to do, and that nothing was
// recorded. Every store call's error passes through here (run, in db.go),
// and so do those of opening a database, so that no SQLite result code
// ("(13)", "(778)", "(1544)") reaches a user. Errors that are not
// SQLite's pass unchanged.
//
// "Nothing was recorded" holds for every one of them: each change is one
// transaction, and SQLite undoes a transaction that fails part way.
func failure(path string, err error) error {
	return sqliteWorded(path, err, false)
}

// sqliteWorded is failure, said as a read's when reading: a command that
// only reads (assay list, report, verify) says that nothing could be
// read, not that nothing was recorded, which it never meant to do, as a
// team database's failures are said (postgres_failures.go).
func sqliteWorded(path string, err error, reading bool) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	left := undone(reading)
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		if reading {
			return errBusyReading(path)
		}
		return errBusy(path)
	case sqlite3.SQLITE_READONLY:
		if reading {
			// Reading a file with a -wal needs its -shm, which a
			// read-only folder does not let SQLite make.
			return assess.Errorf(assess.EInternal, "%s could not be read: it, or the -wal or -shm beside it, does not accept the writes SQLite needs to read it; nothing could be read. Check its permissions and those of its folder", path)
		}
		return errReadOnly(path)
	case sqlite3.SQLITE_FULL:
		return assess.Errorf(assess.EInternal, "the disk holding %s is full; %s. Free some space and try again", path, left)
	case sqlite3.SQLITE_IOERR:
		switch {
		case se.Code() == sqlite3.SQLITE_IOERR_READ || se.Code() == sqlite3.SQLITE_IOERR_SHORT_READ:
			return assess.Errorf(assess.EInternal, "%s could not be read (the disk reported an error); %s. Check the disk and try again", path, left)
		case reading:
			// Reading writes too: the -shm index beside a file with a
			// -wal, which a full disk has no room for, nor a file size
			// limit (ulimit -f) below its 32 KiB.
			return assess.Errorf(assess.EInternal, "%s could not be read: its disk is full, the -wal or -shm beside it is over a file size limit, or the disk is failing, "+
				"and SQLite could not write the -wal or -shm that reading needs; nothing could be read. Free some space (or raise the limit, or check the disk) and try again", path)
		}
		return assess.Errorf(assess.EInternal, "%s could not be written: its disk is full, the file is over a size limit, or the disk is failing; nothing was recorded. Free some space (or check the disk) and try again", path)
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return assess.Errorf(assess.EInternal, "%s is damaged: SQLite finds it malformed; %s. Restore it from a backup", path, left)
	case sqlite3.SQLITE_CANTOPEN:
		return assess.Errorf(assess.EInternal, "%s cannot be opened: it, its folder or a file beside it (-wal, -shm) is missing or out of reach; %s", path, left)
	case sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
		return assess.Errorf(assess.EInternal, "the system refused access to %s; %s. Check its permissions", path, left)
	case sqlite3.SQLITE_INTERRUPT:
		return fmt.Errorf("interrupted; %s: %w", left, context.Canceled)
	}
	// Anything else (a trigger's refusal, a constraint) keeps SQLite's
	// words, without the code.
	return errors.New(strings.Replace(err.Error(), se.Error(), resultCode().ReplaceAllString(se.Error(), ""), 1))
}

// migrationRefused words a migration SQLite refuses to apply (a table or
// column it makes is there already, one it changes is missing) to a
// database checkSchema took for assay's: its tables are not what the
// migrations it records made, so they, or that record, were changed
// outside assay. Any other failure (a full disk, a busy file) is left to
// failure. reading: the file was opened by a command that only reads
// (OpenExistingToRead), which says that nothing could be read, as its
// other failures do, not that nothing was recorded.
func migrationRefused(path, version string, err error, reading bool) error {
	var se *sqlite.Error
	if !errors.As(err, &se) || se.Code() != sqlite3.SQLITE_ERROR {
		return err
	}
	why := strings.TrimPrefix(resultCode().ReplaceAllString(se.Error(), ""), "SQL logic error: ")
	return assess.Errorf(assess.EInternal, "%s was changed outside assay: its tables are not those the migrations it records made "+
		"(migration %s cannot be applied: %s); %s. Restore it from a backup", path, version, why, undone(reading))
}

// isCorrupt reports whether SQLite found the file malformed.
func isCorrupt(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_CORRUPT
}

// resultCode is the code modernc.org/sqlite puts after its messages.
var resultCode = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(` \(\d+\)$`) })

// errReadOnly is what a write to a database assay may read but not write
// says.
func errReadOnly(path string) error {
	return assess.Errorf(assess.EInternal, "%s is read-only (the file, its folder or its disk does not accept writes); nothing was recorded. To change it, ask for write access or copy it somewhere you can write", path)
}

// withContext prefixes err with where it happened, unless failure has
// already said it in full (naming the database).
func withContext(err error, where string) error {
	var said *assess.Error
	if errors.As(err, &said) || errors.Is(err, context.Canceled) {
		return err
	}
	return fmt.Errorf("%s: %w", where, err)
}

// errBusy is what a user reads when another connection held the
// database's write lock for longer than the busy timeout. SQLite's own
// "database is locked" says neither why nor what to do. SQLite does not
// say who holds the lock: another assay window writing, or another
// program, such as the sqlite3 shell with a transaction left open, which
// trying again does not help; so it names both, and what to do about the
// second.
func errBusy(path string) error {
	return assess.Errorf(assess.EConflict, "the database is busy: another program holds the write lock of %s (another assay window writing, "+
		"or a program such as the sqlite3 shell with a transaction open); nothing was recorded. "+
		"Try again; if it stays busy, end that program's transaction or close it", path)
}

// errBusyReading is errBusy for a read, which waits only for a program
// that holds the whole file (the sqlite3 shell with PRAGMA
// locking_mode=EXCLUSIVE, or a write that rewrites it, such as an
// upgrade by another assay).
func errBusyReading(path string) error {
	return assess.Errorf(assess.EConflict, "the database is busy: another program holds %s for itself (another assay window bringing it up to date, "+
		"or a program such as the sqlite3 shell with an exclusive transaction open); nothing could be read. "+
		"Try again; if it stays busy, end that program's transaction or close it", path)
}
