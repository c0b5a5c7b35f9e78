package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/assay-dev/assay/assess"
)

// assay backup copies a personal SQLite portfolio into a file of its own
// while other windows keep writing. Copying the file with cp cannot do
// that: in WAL mode the newest commits live in the -wal beside it, and a
// copy taken while a window checkpoints holds half of one page set and
// half of another. VACUUM INTO reads the database in one read
// transaction, as any reader does, so the copy is the database as of one
// commit, every commit confirmed before it began included, and it never
// blocks a writer.

// BackupInto writes a consistent copy of the database into path, a file
// that is empty or absent, and returns nothing else: checking the copy is
// CheckBackup's and verify's. A team database is refused (pg_dump backs
// one up). A write that fails is the copy's, named shown: the database is
// only read.
func (db *DB) BackupInto(ctx context.Context, path, shown string) error {
	if db.dialect.team() {
		return assess.Errorf(assess.EInvalid, "%s is a team database: back it up with pg_dump", db.where())
	}
	if _, err := db.sql.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		if copyErr := copyWriteFailure(shown, err); copyErr != nil {
			return copyErr
		}
		return db.failure(err)
	}
	return nil
}

// copyWriteFailure says that the copy shown could not be written, when
// err is a write's failure (a full disk, a size limit, a failing disk),
// and is nil otherwise. VACUUM INTO writes nothing but the copy, so
// failure's words for these, which name the database and say nothing was
// recorded in it, would send the reader to the wrong disk.
func copyWriteFailure(shown string, err error) error {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return nil
	}
	switch code := se.Code(); {
	case code&0xff == sqlite3.SQLITE_FULL:
		return assess.Errorf(assess.EInternal, "the disk holding %s is full: the copy did not fit. Free some space there, or choose another disk", shown)
	case code&0xff == sqlite3.SQLITE_IOERR && code != sqlite3.SQLITE_IOERR_READ && code != sqlite3.SQLITE_IOERR_SHORT_READ:
		return assess.Errorf(assess.EInternal,
			"%s could not be written: its disk is full, the file is over a size limit, or the disk is failing. Free some space there (or check that disk), or choose another", shown)
	}
	return nil
}

// CheckBackup checks a copy BackupInto wrote, without writing to it:
// SQLite's own integrity and foreign key checks, no other program's
// application ID, and every migration this assay knows, and none it
// does not. Its ledger, trails and signatures are verify's to check.
func CheckBackup(ctx context.Context, path string) error {
	f, err := inspect(path)
	if err != nil {
		return err
	}
	// VACUUM INTO copies the mark as it is: a database whose mark was
	// taken away (0) gives a copy without one, which verify names
	// (checkApplicationID) and --unverified keeps as it is.
	if !f.exists || f.appID != applicationID && f.appID != 0 {
		return fmt.Errorf("the copy for %s is not marked as an assay database (application ID %#08x)", path, f.appID)
	}
	conn, err := sql.Open("sqlite", "file:"+escapePath(path)+"?mode=ro&immutable=1")
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	defer conn.Close()
	problems, err := queryColumn(ctx, conn, `PRAGMA integrity_check`)
	if err != nil {
		return failure(path, err)
	}
	if len(problems) != 1 || problems[0] != "ok" {
		return fmt.Errorf("the copy for %s fails SQLite's integrity check: %s", path, strings.Join(firstN(problems, 3), "; "))
	}
	orphans, err := queryColumn(ctx, conn, `SELECT "table" FROM pragma_foreign_key_check`)
	if err != nil {
		return failure(path, err)
	}
	if len(orphans) > 0 {
		return fmt.Errorf("the copy for %s fails SQLite's foreign key check (rows of %s)", path, strings.Join(firstN(orphans, 3), ", "))
	}
	applied, err := queryColumn(ctx, conn, `SELECT version FROM schema_migrations`)
	if err != nil {
		return failure(path, err)
	}
	missing, err := missingMigration(applied)
	if err != nil {
		return err
	}
	if missing != "" {
		return fmt.Errorf("the copy for %s lacks schema %s", path, missing)
	}
	return checkVersions(path, applied)
}

// CheckAssayFile refuses a file that is not an assay database this assay
// can read: assay backup --overwrite replaces an earlier backup, never
// another file.
func CheckAssayFile(ctx context.Context, path string) error {
	f, err := inspect(path)
	if err != nil {
		return err
	}
	if !f.exists {
		return fmt.Errorf("%s is not an assay database (it is empty)", path)
	}
	_, err = f.checkSchema(ctx, false)
	return err
}

// LedgerHead is the ledger's last entry: its sequence number and hash
// (0 and "" when nothing has been written), which a backup prints so
// that a later check can compare.
func (db *DB) LedgerHead(ctx context.Context) (seq int64, hash string, err error) {
	err = db.view(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1`).Scan(&seq, &hash)
		if isNoRows(err) {
			return nil
		}
		return err
	})
	if err != nil {
		return 0, "", db.failure(err)
	}
	return seq, hash, nil
}

// Holds counts the assessments and subjects in the database, for a
// backup that does not verify: verify's own counts stop at its first
// break, and would say a copy holds less than it does.
func (db *DB) Holds(ctx context.Context) (assessments, subjects int, err error) {
	err = db.view(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM assessments), (SELECT COUNT(*) FROM subjects)`).Scan(&assessments, &subjects)
	})
	if err != nil {
		return 0, 0, db.failure(err)
	}
	return assessments, subjects, nil
}

// FileLedgerHead is the ledger head of the assay database at path, read
// without writing to it (0 and "" when nothing has been written): assay
// backup --overwrite compares it with the database's own ledger, so that
// it replaces an earlier backup of this portfolio and no other database.
// The caller has checked that no -wal lies beside path.
func FileLedgerHead(ctx context.Context, path string) (seq int64, hash string, err error) {
	conn, err := sql.Open("sqlite", "file:"+escapePath(path)+"?mode=ro&immutable=1")
	if err != nil {
		return 0, "", fmt.Errorf("opening %s: %w", path, err)
	}
	defer conn.Close()
	err = conn.QueryRowContext(ctx, `SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1`).Scan(&seq, &hash)
	if isNoRows(err) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", failure(path, err)
	}
	return seq, hash, nil
}

// LedgerHashAt is the hash of the ledger's entry seq, or "" if it has
// none: an earlier backup of this database holds a head that is one of
// its entries.
func (db *DB) LedgerHashAt(ctx context.Context, seq int64) (string, error) {
	var hash string
	err := db.view(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRowContext(ctx, `SELECT hash FROM ledger WHERE seq = ?`, seq).Scan(&hash)
		if isNoRows(err) {
			return nil
		}
		return err
	})
	if err != nil {
		return "", db.failure(err)
	}
	return hash, nil
}
