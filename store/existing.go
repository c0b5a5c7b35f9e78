package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
)

// A command that only reads, or changes records that must already be
// there, opens the database with OpenExisting: a mistyped --db would
// otherwise become a new, empty portfolio, which lists nothing (read as
// "my work is gone") and takes the next change into the wrong file.

// NoDatabaseError is OpenExisting's answer for a path holding no
// database: no file, or an empty one. Nothing was created or changed.
type NoDatabaseError struct {
	Path  string
	Empty bool // the file is there, and empty
	// LinkTo is where path, a symbolic link, points: a file that is not
	// there (a synced folder not mounted, a file moved away).
	LinkTo string
}

func (e *NoDatabaseError) Error() string {
	if e.LinkTo != "" {
		return fmt.Sprintf("%s is a link to %s, which is not there: nothing was read, and nothing was created", e.Path, e.LinkTo)
	}
	if e.Empty {
		return fmt.Sprintf("%s is an empty file, not an assay database: nothing has been recorded there, and assay left it unchanged", e.Path)
	}
	return fmt.Sprintf("there is no database at %s: nothing has been recorded there, and nothing was created", e.Path)
}

// noDatabase says what is at path, which inspect found missing or empty.
func noDatabase(path string) error {
	fi, err := os.Lstat(path)
	if err == nil && fi.Mode()&os.ModeSymlink != 0 {
		if to, err := os.Readlink(path); err == nil {
			return &NoDatabaseError{Path: path, LinkTo: to}
		}
	}
	return &NoDatabaseError{Path: path, Empty: err == nil}
}

// OpenExisting is Open for a database that must already be there: a
// missing or empty file is a *NoDatabaseError, and neither it, its -wal,
// -shm or -journal, nor its folder is created. A file that is there opens
// as with Open (brought up to date if an older assay wrote it). A
// PostgreSQL connection string opens the team database, as with Open.
func OpenExisting(path string, decode Decoder) (*DB, error) {
	return openTarget(path, decode, opening{})
}

// OpenExistingToRead is OpenExisting for a command that only reads (assay
// list, report, verify): a damaged, locked or unreadable file is said as
// what could not be read, not as a change that was not recorded, which
// the command never meant to make. A team database opens as with
// OpenTeamToRead.
func OpenExistingToRead(path string, decode Decoder) (*DB, error) {
	return openTarget(path, decode, opening{toRead: true})
}

// OpenEmpty is an empty portfolio in memory, named shownAs in messages,
// for reading where nothing has been recorded yet (a fresh machine's
// default place): lists are empty and an ID is not found, exactly as in a
// new database, and no file is created. Every write is refused.
func OpenEmpty(shownAs string, decode Decoder) (*DB, error) {
	sqldb, err := sql.Open("sqlite", "file:empty?mode=memory&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, err
	}
	// One connection, kept: the memory database lives as long as it does.
	sqldb.SetMaxOpenConns(1)
	sqldb.SetConnMaxLifetime(0)
	sqldb.SetConnMaxIdleTime(0)
	db := newDB(sqldb, shownAs, decode)
	if err := db.migrate(context.Background(), nil); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("preparing an empty portfolio: %w", err)
	}
	db.readOnly = true
	return db, nil
}
