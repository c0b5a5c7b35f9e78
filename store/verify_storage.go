package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

// Verify reads the tables; it never read the file as SQLite keeps it. A
// database, or a backup kept on a disk that flipped a bit, whose index
// no longer matches its table passed verify, and the restore steps copy
// into place a backup that passes: the index then gives wrong answers to
// the queries that use it. assay backup runs SQLite's integrity check on
// every copy it makes (CheckBackup); a whole-database verify now runs it
// too, first, in its own read transaction.

// checkStorage runs SQLite's integrity check on the file tx reads, and
// says it is damaged, naming what the check found (index names are the
// file's text: shown on one line, without escapes), when it is not "ok".
func (sqliteDialect) checkStorage(ctx context.Context, tx *sql.Tx, where string) error {
	problems, err := queryColumn(ctx, tx, `PRAGMA integrity_check(3)`)
	if err != nil {
		return err
	}
	if len(problems) == 1 && problems[0] == "ok" {
		return nil
	}
	return assess.Errorf(assess.EInternal, "%s is damaged: SQLite's integrity check finds %s; assay verify vouches for none of it. "+
		"If it is a backup, use another; if it is your database, restore it from a backup (docs/security.md, Backups and restoring)",
		where, safetext.OneLine(strings.Join(problems, "; ")))
}

// checkStorage: a team database's storage is its server's to check.
func (*pgDialect) checkStorage(context.Context, *sql.Tx, string) error { return nil }
