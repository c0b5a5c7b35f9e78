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
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return err
	}
	switch se.Code() & 0xff {
	case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
		return errBusy()
	case sqlite3.SQLITE_READONLY:
		return errReadOnly(path)
	case sqlite3.SQLITE_FULL:
		return assess.Errorf(assess.EInternal, "the disk holding %s is full; nothing was recorded. Free some space and try again", path)
	case sqlite3.SQLITE_IOERR:
		switch se.Code() {
		case sqlite3.SQLITE_IOERR_READ, sqlite3.SQLITE_IOERR_SHORT_READ:
			return assess.Errorf(assess.EInternal, "%s could not be read (the disk reported an error); nothing was recorded. Check the disk and try again", path)
		}
		return assess.Errorf(assess.EInternal, "%s could not be written: its disk is full, the file is over a size limit, or the disk is failing; nothing was recorded. Free some space (or check the disk) and try again", path)
	case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB:
		return assess.Errorf(assess.EInternal, "%s is damaged: SQLite finds it malformed; nothing was recorded. Restore it from a backup", path)
	case sqlite3.SQLITE_CANTOPEN:
		return assess.Errorf(assess.EInternal, "%s cannot be opened: it, its folder or a file beside it (-wal, -shm) is missing or out of reach; nothing was recorded", path)
	case sqlite3.SQLITE_PERM, sqlite3.SQLITE_AUTH:
		return assess.Errorf(assess.EInternal, "the system refused access to %s; nothing was recorded. Check its permissions", path)
	case sqlite3.SQLITE_INTERRUPT:
		return fmt.Errorf("interrupted; nothing was recorded: %w", context.Canceled)
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
// failure.
func migrationRefused(path, version string, err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) || se.Code() != sqlite3.SQLITE_ERROR {
		return err
	}
	why := strings.TrimPrefix(resultCode().ReplaceAllString(se.Error(), ""), "SQL logic error: ")
	return assess.Errorf(assess.EInternal, "%s was changed outside assay: its tables are not those the migrations it records made "+
		"(migration %s cannot be applied: %s); nothing was recorded. Restore it from a backup", path, version, why)
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
func errBusy() error {
	return assess.Errorf(assess.EConflict, "the database is busy: another program holds its write lock (another assay window writing, "+
		"or a program such as the sqlite3 shell with a transaction open); nothing was recorded. "+
		"Try again; if it stays busy, end that program's transaction or close it")
}
