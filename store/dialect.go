package store

import (
	"context"
	"database/sql"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// dialect is what differs between the two databases the store keeps a
// portfolio in: a SQLite file for one person (the default), and a
// PostgreSQL server for a team (postgres*.go). Everything else — every
// query in the store's other files, the ledger, verify, import and
// export — is written once, over database/sql, with ? placeholders; the
// PostgreSQL driver rewrites them as $1, $2… when it prepares a query
// (postgres_driver.go), and words the few queries SQLite words its own
// way in its own dialect (postgres_queries.go).
type dialect interface {
	// name is how messages name the kind of database.
	name() string
	// worded turns an error of the database at where into words a
	// person can act on (failures.go, postgres_failures.go), said as a
	// read's (nothing could be read) when reading, else as a write's
	// (nothing was recorded). The handle decides which (DB.failed).
	worded(where string, err error, reading bool) error
	// viewOptions are a read transaction's options: it must see one
	// state of the database from its first query to its last.
	viewOptions() *sql.TxOptions
	// lock makes every other write to the owner's chain wait until tx
	// ends. SQLite has one writer at a time: it locks nothing more.
	lock(ctx context.Context, tx *sql.Tx, o owner) error
	// lockNames makes every other write that creates or renames a
	// subject wait until tx ends, so that two names that compare equal
	// are never both taken.
	lockNames(ctx context.Context, tx *sql.Tx) error
	// isUnique reports whether err is a unique constraint's refusal.
	isUnique(err error) bool
	// lockWaitExpired reports whether err is the server giving up on a
	// lock another session holds (a team database's lock_timeout).
	lockWaitExpired(err error) bool
	// fourEyesRefused reports whether err is a team database's refusal
	// of a decision by the person who submitted the assessment
	// (postgres_four_eyes.go). A file has no such rule of its own: the domain's
	// (assess.CheckFourEyes) refuses before anything is written.
	fourEyesRefused(err error) bool
	// ruleRefused names the rule of assay's a team database's refusal err
	// is marked with (its constraint name, such as assay_archived, and
	// detail: archive_rules.go), or "" for any other error. A file has
	// no such marks: the domain refuses first.
	ruleRefused(err error) (rule, detail string)
	// connectionLost reports whether err means the connection to the
	// server went away (a copy from a team database says so in words).
	connectionLost(err error) bool
	// checkSchema finds a trigger, index, table or function of assay's
	// that was dropped, changed or added outside assay (verify).
	checkSchema(ctx context.Context, tx *sql.Tx) (*Break, error)
	// addedObjects names what the database holds that assay did not
	// make and checkSchema does not fail: on a file, tables, views and
	// indexes of someone's own (verify_schema.go); none on a team
	// database, whose checkSchema names every addition.
	addedObjects(ctx context.Context, tx *sql.Tx) ([]string, error)
	// checkStorage says the database is damaged when its engine's own
	// check of the file finds it so (verify_storage.go).
	checkStorage(ctx context.Context, tx *sql.Tx, where string) error
	// begin runs at the start of every transaction, write or not.
	begin(ctx context.Context, tx *sql.Tx, write bool) error
	// lockForCopy keeps every other writer out of the portfolio while
	// assay migrate copies one into it (copy.go), and refuses a login
	// that may not bring in history written under other names.
	lockForCopy(ctx context.Context, tx *sql.Tx) error
	// mayImport refuses, before anything is written, an import that
	// brings in changes recorded under names other than the login's
	// when the login may not (import.go): the server would refuse the
	// first such row, in words that do not say which role lets it in.
	mayImport(ctx context.Context, tx *sql.Tx, names []string) error
	// mayWrite refuses, in the words of the server's own refusal, a
	// write to table the login may not make at all (a team login
	// without the role for it). It costs a query, so the store asks it
	// only before a refusal that would have the person try again
	// (answers.go): the server refuses every other write itself.
	mayWrite(ctx context.Context, tx *sql.Tx, table string) error
	// afterCopy makes the next row of each table take the ID after the
	// last one copied.
	afterCopy(ctx context.Context, tx *sql.Tx) error
	// waiter waits for the ledger to grow (changes.go).
	waiter(ctx context.Context) (waiter, error)
	// team reports whether the database is a team's on a server (every
	// change recorded under its login, roles granted and recorded in
	// team_grants, a connection that can be lost), not a person's file.
	team() bool
	// copyRefused words a team database's refusal err of a row copied
	// into it from the file from that is the file's to put right (an
	// archive flag set outside assay: postgres_archive_flag.go); nil for
	// any other error, and on a file.
	copyRefused(err error, from, to *DB) error
	// connectionString is a team database's connection string without
	// its password, as a person gives it to --db; "" for a file, named
	// by its path.
	connectionString() string
	// answerWithin is the context a watch's read runs in (changes.go): a
	// server must answer within pgAnswerWithin, or the network may have
	// gone silent and the person would not learn that others' changes
	// are not followed; a file answers or fails at once.
	answerWithin(ctx context.Context) (context.Context, context.CancelFunc)
	// notFollowing says why the watcher no longer hears of others'
	// changes after err, in words for a status line.
	notFollowing(err error) string
	// commitLost is the error of a write whose commit failed with err
	// once it was sent, or perhaps sent, the connection lost before the
	// outcome came back: assay cannot tell whether it was recorded. nil
	// for any other failure, and on a file, whose commit never leaves
	// the process.
	commitLost(where string, err error) error
	// afterFailure learns what it can from a failure err before it is
	// worded: a team login's roles are read again after a refusal
	// (postgres_failures.go), as one may have been revoked meanwhile.
	afterFailure(sqldb *sql.DB, err error)
	// heldRoles are the team roles the login holds, as last read, never
	// nil on a team database; nil on a file, where everything is allowed.
	heldRoles() []string
	// readRoles reads the login's team roles from the server again
	// (nil on a file), keeping them for heldRoles.
	readRoles(ctx context.Context, sqldb *sql.DB) ([]string, error)
	// writersVary reports whether each write may be another login's
	// (the store's tests acting as many people on one handle,
	// pgDialect.actAs), so that no key counts as registered for good.
	writersVary() bool
	// saveCached saves answers to the save cache's copy of an
	// assessment in one exchange with the server (postgres_save.go),
	// leaving s as saved; done false: it cannot, and saveCached runs the
	// save in a transaction as any other write.
	saveCached(ctx context.Context, db *DB, s *saveState, as []assess.Answer, check conflicts) (done bool, err error)
}

// sqliteDialect is the personal database: one file, one writer at a
// time (every write transaction takes the file's write lock when it
// begins, _txlock=immediate), triggers written in SQLite's SQL.
type sqliteDialect struct{}

func (sqliteDialect) worded(where string, err error, reading bool) error {
	return sqliteWorded(where, err, reading)
}
func (sqliteDialect) name() string                               { return "SQLite" }
func (sqliteDialect) viewOptions() *sql.TxOptions                { return &sql.TxOptions{ReadOnly: true} }
func (sqliteDialect) lock(context.Context, *sql.Tx, owner) error { return nil }
func (sqliteDialect) lockNames(context.Context, *sql.Tx) error   { return nil }
func (sqliteDialect) lockWaitExpired(error) bool                 { return false }
func (sqliteDialect) fourEyesRefused(error) bool                 { return false }
func (sqliteDialect) ruleRefused(error) (string, string)         { return "", "" }
func (sqliteDialect) connectionLost(error) bool                  { return false }
func (sqliteDialect) isUnique(err error) bool                    { return strings.Contains(err.Error(), "UNIQUE") }
func (sqliteDialect) checkSchema(ctx context.Context, tx *sql.Tx) (*Break, error) {
	return checkSchemaObjects(ctx, tx)
}
func (sqliteDialect) addedObjects(ctx context.Context, tx *sql.Tx) ([]string, error) {
	return addedObjects(ctx, tx)
}
func (sqliteDialect) begin(context.Context, *sql.Tx, bool) error { return nil }

// A SQLite write already holds the file (_txlock=immediate), and a new
// rowid is always past the largest.
func (sqliteDialect) lockForCopy(context.Context, *sql.Tx) error { return nil }
func (sqliteDialect) afterCopy(context.Context, *sql.Tx) error   { return nil }
func (sqliteDialect) mayImport(context.Context, *sql.Tx, []string) error {
	return nil
}

// mayWrite: a person's own file lets them write everything.
func (sqliteDialect) mayWrite(context.Context, *sql.Tx, string) error { return nil }

// saveCached: a SQLite save never leaves the process; each statement
// costs what it costs to run.
func (sqliteDialect) saveCached(context.Context, *DB, *saveState, []assess.Answer, conflicts) (bool, error) {
	return false, nil
}

// waiter: a file announces nothing; it is looked at often.
func (sqliteDialect) waiter(context.Context) (waiter, error) { return poller{pollInterval}, nil }

// A file is one person's: no login, no roles, no server to lose.
func (sqliteDialect) team() bool { return false }

// A file copied into refuses no row for a rule of its own, and is named
// by its path.
func (sqliteDialect) copyRefused(error, *DB, *DB) error { return nil }
func (sqliteDialect) connectionString() string          { return "" }
func (sqliteDialect) answerWithin(ctx context.Context) (context.Context, context.CancelFunc) {
	return ctx, func() {}
}
func (sqliteDialect) notFollowing(error) string                            { return "the database file cannot be read" }
func (sqliteDialect) commitLost(string, error) error                       { return nil }
func (sqliteDialect) afterFailure(*sql.DB, error)                          {}
func (sqliteDialect) heldRoles() []string                                  { return nil }
func (sqliteDialect) readRoles(context.Context, *sql.DB) ([]string, error) { return nil, nil }
func (sqliteDialect) writersVary() bool                                    { return false }

// lockAssessment takes the write lock on assessment id (db.lock).
func (db *DB) lockAssessment(ctx context.Context, tx *sql.Tx, id int64) error {
	return db.lock(ctx, tx, owner{assessmentChain, id})
}

// actor is who the audit trail records for a change made through this
// handle: in team mode the database login, whatever the caller claims;
// otherwise the name the caller gives (assess.WithActor).
func (db *DB) actor(ctx context.Context) string {
	if db.login != "" {
		return db.login
	}
	return assess.ActorFrom(ctx)
}
