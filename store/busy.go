package store

import (
	"errors"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/assay-dev/assay/assess"
)

// errBusy is what a user reads when another assay process held the
// database's write lock for longer than the busy timeout. SQLite's own
// "database is locked" says neither why nor what to do.
func errBusy() error {
	return assess.Errorf(assess.EConflict, "the database is busy: another assay window is writing to it; try again")
}

// busyOr turns SQLite's busy and locked errors (plain or extended codes)
// into errBusy() and returns any other error as it is.
func busyOr(err error) error {
	if err == nil {
		return nil
	}
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return errBusy()
		}
	}
	return err
}
