package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/safetext"
)

// lock takes the owner's write lock (dialect.lock). On a team database a
// lock another session keeps past the server's lock_timeout
// (assess.WriteWait unless the connection string sets its own) ends the
// write: it is refused naming the assessment or subject held, rather
// than in the server's words.
func (db *DB) lock(ctx context.Context, tx *sql.Tx, o owner) error {
	err := db.dialect.lock(ctx, tx, o)
	if db.dialect.lockWaitExpired(err) {
		return db.heldElsewhere(ctx, o)
	}
	return err
}

// heldElsewhere is the refusal of a write whose assessment or subject
// another session holds locked. Its name is read on a connection of its
// own (the write's transaction is aborted; a plain read waits for no row
// lock), briefly, and left out if that read fails.
func (db *DB) heldElsewhere(ctx context.Context, o owner) error {
	what, query := "assessment", `SELECT subject FROM assessments WHERE id = ?`
	if o.c == subjectChain {
		what, query = "subject", `SELECT name FROM subjects WHERE id = ?`
	}
	rctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 3*time.Second)
	defer cancel()
	var name string
	named := ""
	if db.sql.QueryRowContext(rctx, query, o.id).Scan(&name) == nil && name != "" {
		named = " (" + safetext.OneLine(name) + ")"
	}
	return assess.Errorf(assess.EConflict, "%s %d%s is held by another session: someone's change to it is still under way, or a session (psql, another tool) was left open with it locked. assay stopped waiting for it; nothing was recorded. Try again once that session ends",
		what, o.id, named)
}
