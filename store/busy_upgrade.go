package store

import (
	"context"
	"fmt"
)

// upgradeWait is how many times its usual busy timeout an assay waits for
// another process's write while it brings the database up to date (the
// migrations, and scoring older summaries again). Several windows started
// together after an upgrade each need the write lock for that, one after
// another, and the first may hold it for a while on a large portfolio: the
// wait meant for one save would make the others give up with "the
// database is busy" when there is nothing for the person to do but wait.
// With the usual 5 seconds it is two minutes.
const upgradeWait = 24

// setBusyTimeout sets how long, in milliseconds, the connection's writes
// wait for another process's. The store keeps one connection to a SQLite
// file (open), so this is every write's.
func (db *DB) setBusyTimeout(ctx context.Context, ms int) error {
	_, err := db.sql.ExecContext(ctx, fmt.Sprintf(`PRAGMA busy_timeout = %d`, ms))
	return db.failure(err)
}

// waitingForUpgrade runs fn with the upgrade's longer busy timeout, and
// then the usual one again (even when fn was cancelled: the handle stays
// open for the command's own writes).
func (db *DB) waitingForUpgrade(ctx context.Context, fn func() error) error {
	if db.busyTimeout == 0 {
		return fn()
	}
	if err := db.setBusyTimeout(ctx, db.busyTimeout*upgradeWait); err != nil {
		return err
	}
	err := fn()
	if reset := db.setBusyTimeout(context.WithoutCancel(ctx), db.busyTimeout); err == nil {
		err = reset
	}
	return err
}
