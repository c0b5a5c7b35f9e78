// Package store keeps assessments in SQLite. It is the only package that
// speaks SQL; it implements assess.Repository.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/assay-dev/assay/assess"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Decoder turns a stored questionnaire snapshot back into a questionnaire.
// The questionnaires package provides it; the store does not parse YAML.
type Decoder func(name string, src []byte) (*assess.Questionnaire, error)

// DB is an open assay database.
type DB struct {
	sql    *sql.DB
	decode Decoder
	// verifyDecode decodes snapshots for Verify (SetVerifyDecoder).
	verifyDecode Decoder
	// Now is the clock; tests replace it.
	Now func() time.Time
	// FourEyes refuses an approval by the person who submitted the
	// assessment (the config file's four_eyes).
	FourEyes bool
	// seams are zero but in the store's own tests (test_seams.go).
	seams testSeams

	mu        sync.Mutex
	snapshots map[string]*assess.Questionnaire // parsed snapshots by digest

	stmts stmtCache // the save path's prepared statements (stmts.go)
	saves saveCache // the assessment the last save left (savecache.go)

	path string // the file, or the server as messages name it (no password)
	// shownAs, if set, names the database in messages instead of path:
	// assay migrate builds a new file under a name of its own and
	// renames it into place, and its messages name the place (ShowAs).
	shownAs string
	// dialect is what differs between SQLite and PostgreSQL (dialect.go).
	dialect dialect
	// login is the database login in team mode (PostgreSQL): the name
	// every change is recorded under. Empty for SQLite.
	login string
	// wording is which failures say nothing could be read, and which
	// nothing was recorded (wording.go): set when the database is opened
	// and by WordReadsAsReads, and handed to the dialect with each.
	wording wording
	// readOnly: this process may read the database but not write it (a
	// read-only file, folder or mount). Reads work; writes are refused.
	readOnly bool
	// busyTimeout is how long, in milliseconds, a SQLite write waits for
	// another process's; 0 for a team database.
	busyTimeout int
	// file is the file the path named when it was opened (SQLite only):
	// every write checks that it still does (file_identity.go).
	file *fileID

	keys        keys        // who signs, whom verify trusts (keys.go)
	pending     pending     // the chains each open write touched (ledger.go)
	ledgerCache ledgerCache // what this handle knows of the ledger (ledger_cache.go)
	own         ownEntries  // the ledger entries this handle wrote, while watched (changes.go)
}

var _ assess.Repository = (*DB)(nil)

// Open opens (creating if needed) the database at path and brings its
// schema up to date. A new file is created with mode 0600: assessments are
// confidential. A file that is not an assay database, or comes from a
// newer assay, is refused and left byte for byte as it was.
//
// A PostgreSQL connection string (ParseTarget) opens the team database it
// names instead (OpenTeam).
func Open(path string, decode Decoder) (*DB, error) {
	return openTarget(path, decode, opening{create: true})
}

// opening is how a database is opened: whether a missing SQLite file is
// created, and whether for a command that only reads, whose every
// failure then says that nothing could be read (OpenExistingToRead).
type opening struct{ create, toRead bool }

// openTarget opens the team database a connection string names, or the
// SQLite file at path, as how says.
func openTarget(path string, decode Decoder, how opening) (*DB, error) {
	t, err := ParseTarget(path)
	if err != nil {
		return nil, err
	}
	if t.Postgres {
		return openTeam(t.Value, decode, how.toRead)
	}
	return openMode(path, decode, defaultBusyTimeout, how)
}

// defaultBusyTimeout is how long, in milliseconds, a write waits for
// another process's write to finish before assay says the database is busy.
const defaultBusyTimeout = 5000

// open is Open with the busy timeout as a parameter, so that tests of a
// busy database need not wait five seconds.
func open(path string, decode Decoder, busyTimeout int) (*DB, error) {
	return openMode(path, decode, busyTimeout, opening{create: true})
}

// openMode is open, creating the database if how.create says so;
// without, a missing or empty file is a NoDatabaseError and nothing is
// created or changed (OpenExisting).
func openMode(path string, decode Decoder, busyTimeout int, how opening) (*DB, error) {
	ctx := context.Background()
	create := how.create
	file, err := inspect(path)
	if err != nil {
		return nil, withRemedy(err)
	}
	applied, err := file.checkSchema(ctx, how.toRead)
	if err != nil {
		return nil, err
	}
	if !file.exists && !create {
		return nil, noDatabase(path)
	}
	if file.exists && !canWrite(path) {
		return openReadOnly(ctx, file, applied, decode, busyTimeout, wordingOf(how.toRead))
	}
	mode := ""
	if create {
		if err := createPrivate(path); err != nil {
			return nil, err
		}
	} else {
		// A file removed since inspect is not created again behind the
		// caller's back: SQLite's mode=rw opens only a file that is there.
		mode = "&mode=rw"
	}
	// Pragmas in the DSN apply to every connection the pool opens, and
	// none of them writes to the file: WAL mode, which does, is set by
	// migrate once the file is known to be assay's.
	// synchronous(FULL) makes each committed answer durable, even on power
	// loss; _txlock=immediate takes the write lock at BEGIN so that a
	// read-then-write transaction never fails with SQLITE_BUSY half way.
	dsn := "file:" + escapePath(path) +
		fmt.Sprintf("?_pragma=busy_timeout(%d)", busyTimeout) +
		"&_pragma=foreign_keys(1)&_pragma=synchronous(FULL)&_txlock=immediate" + mode
	sqldb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	// One connection: one writer, and no surprises with open Rows.
	sqldb.SetMaxOpenConns(1)
	db := newDB(sqldb, path, decode)
	db.wording = wordingOf(how.toRead)
	db.busyTimeout = busyTimeout
	db.file = identify(path)
	migrate := func() error { return db.migrate(ctx, applied) }
	switch missing, merr := missingMigration(applied); {
	case merr != nil:
		err = merr
	case missing == "":
		err = migrate() // takes no write lock: nothing to wait for
	default:
		err = db.waitingForUpgrade(ctx, migrate)
	}
	if err != nil {
		sqldb.Close()
		return nil, withContext(err, path)
	}
	db.file.identifyLog(path)
	return db, nil
}

func newDB(sqldb *sql.DB, path string, decode Decoder) *DB {
	return &DB{sql: sqldb, path: path, decode: decode, dialect: sqliteDialect{}, Now: time.Now, snapshots: map[string]*assess.Questionnaire{}}
}

// openReadOnly opens a database this process may read but not write, for
// reading: list, score, report, export and verify work; every write is
// refused with errReadOnly before it begins.
//
// SQLite reads a WAL-mode database through its -shm index, which a
// reader creates if it is missing: impossible in a read-only folder or
// mount. With no -wal beside the file, nobody has changes waiting
// (nobody can write without creating one), and the file is read as
// immutable: no lock, no -shm. With a -wal (another user, who may write,
// has it open), the file is read with it, through its -shm, so that the
// reader sees the latest commit.
func openReadOnly(ctx context.Context, file dbFile, applied []string, decode Decoder, busyTimeout int, says wording) (*DB, error) {
	missing, err := missingMigration(applied)
	if err != nil {
		return nil, err
	}
	if missing != "" {
		return nil, fmt.Errorf("%s is read-only, and an older assay wrote it (it lacks schema %s): open it once with write access so that assay can bring it up to date; %s", file.path, missing, undone(says.reading(false)))
	}
	params := "mode=ro"
	if !strings.HasSuffix(file.pending, "-wal") {
		params += "&immutable=1"
	}
	sqldb, err := sql.Open("sqlite", "file:"+escapePath(file.path)+"?"+params+fmt.Sprintf("&_pragma=busy_timeout(%d)", busyTimeout))
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", file.path, err)
	}
	sqldb.SetMaxOpenConns(1)
	db := newDB(sqldb, file.path, decode)
	db.wording = says
	db.readOnly = true
	if err := sqldb.PingContext(ctx); err != nil {
		sqldb.Close()
		return nil, db.failure(err)
	}
	return db, nil
}

// Close closes the database. SQLite's last connection to close copies its
// log into the file; when that log was deleted and another window has
// written since, the copy would overwrite that window's confirmed changes,
// so the connection is left for the process's exit to drop instead.
func (db *DB) Close() error {
	db.stmts.close()
	if db.file.othersWroteWithoutUs(db.path) {
		return nil
	}
	return db.sql.Close()
}

func createPrivate(path string) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("creating %s: %w", dir, err)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if errors.Is(err, fs.ErrNotExist) {
		// A link is followed to create the file it points to; one into
		// a folder that is not there (a drive not mounted) is said so.
		if to, lerr := os.Readlink(path); lerr == nil {
			return fmt.Errorf("%s is a link to %s, whose folder is not there: nothing was created", path, to)
		}
	}
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	return f.Close()
}

// escapePath makes a file path safe inside a file: URI, where ? and #
// would otherwise start the query or fragment.
func escapePath(p string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(p)
}

// migrate marks the file as assay's (its application ID), sets WAL mode
// (kept in the file, so every later connection has it) and applies the
// migrations this database lacks. checkSchema has already refused files
// that are not assay's to change, and listed the migrations applied:
// opening an up-to-date database takes no write lock, so it never waits
// for another window's write.
func (db *DB) migrate(ctx context.Context, applied []string) error {
	// The mark goes first: in a new file it is written into the file
	// itself, before WAL mode, so that a new database whose tables are
	// still in its -wal after a crash is known for assay's.
	var id uint32
	if err := db.sql.QueryRowContext(ctx, `PRAGMA application_id`).Scan(&id); err != nil {
		return db.failure(err)
	}
	// A file that had a migration since the mark was made was marked
	// then: unmarked now, its header was changed outside assay, which
	// verify names (checkApplicationID). Marked again here, silently,
	// on every open, verify would never see it.
	if id != applicationID && !slices.Contains(applied, markedSince) {
		if _, err := db.sql.ExecContext(ctx, fmt.Sprintf(`PRAGMA application_id = %d`, applicationID)); err != nil {
			return db.failure(err)
		}
	}
	if _, err := db.sql.ExecContext(ctx, `PRAGMA journal_mode = WAL`); err != nil {
		return db.failure(err)
	}
	if _, err := db.sql.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return db.failure(err)
	}
	names, err := migrationNames()
	if err != nil {
		return err
	}
	for _, name := range names {
		version := migrationVersion(name)
		if slices.Contains(applied, version) {
			continue
		}
		if err := db.applyMigration(ctx, name, version); err != nil {
			return withContext(err, "migration "+version)
		}
	}
	return nil
}

// migrationNames are the embedded migration files, in the order they apply.
func migrationNames() ([]string, error) {
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	return names, nil
}

// migrationVersion is the version a migration file records: its name
// without the extension, e.g. 003_list_order.
func migrationVersion(name string) string {
	return strings.TrimSuffix(filepath.Base(name), ".sql")
}

func (db *DB) applyMigration(ctx context.Context, name, version string) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return nil
		}
		body, err := migrationFS.ReadFile(name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(body)); err != nil {
			return migrationRefused(db.path, version, err, db.wording.reading(false))
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, version, db.stamp())
		return err
	})
}

// tx runs fn in a transaction, committing if it returns nil. Every
// store call, read or write, goes through here (or view), so this is where
// SQLite's errors, "database is locked" among them, become messages a
// person can act on.
//
// Before a write commits, seal adds the signed ledger entry of the audit
// chains it appended to (ledger.go), in the same transaction.
func (db *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	var t *touched
	err := db.run(ctx, nil, func(tx *sql.Tx) error {
		err := fn(tx)
		t = db.untouch(tx)
		if err != nil {
			return err
		}
		if hold := db.seams.beforeSeal; hold != nil {
			hold()
		}
		return db.seal(ctx, tx, t)
	})
	var unknown *commitUnknown
	if errors.As(err, &unknown) {
		err = unknown.naming(db.where(), assessmentsOf(t))
	}
	if err == nil {
		db.committed(t)
	}
	return err
}

// view runs fn in a read transaction. It begins deferred, not immediate
// like tx: in WAL mode a reader sees the last commit and never waits for
// another window's write, so the portfolio and an assessment open at
// once even while another process imports. fn must not write.
func (db *DB) view(ctx context.Context, fn func(*sql.Tx) error) error {
	return db.run(ctx, db.dialect.viewOptions(), fn)
}

func (db *DB) run(ctx context.Context, opts *sql.TxOptions, fn func(*sql.Tx) error) error {
	if opts == nil && db.readOnly {
		return errReadOnly(db.path)
	}
	fail := func(err error) error { return db.failed(err, opts != nil) }
	tx, err := db.sql.BeginTx(ctx, opts)
	if err != nil {
		return fail(err)
	}
	if err := db.dialect.begin(ctx, tx, opts == nil); err != nil {
		_ = tx.Rollback()
		return fail(err)
	}
	if opts == nil {
		// Checked holding the write lock, so that no window moves the
		// file between the check and the commit through assay.
		if err := db.checkFile(); err != nil {
			_ = tx.Rollback()
			return err
		}
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return fail(err)
	}
	if err := tx.Commit(); err != nil {
		if opts == nil {
			if lost := db.dialect.commitLost(db.where(), err); lost != nil {
				return lost
			}
		}
		return fail(err)
	}
	if opts == nil {
		db.file.wrote(db.path)
	}
	return nil
}

// failure says what went wrong with this database, outside a read
// transaction (opening it, a write), in words a person can act on
// (failures.go).
func (db *DB) failure(err error) error { return db.failed(err, false) }

// failed is failure of a read (read) or not, said as the handle's
// wording has it: that nothing could be read, or that nothing was
// recorded.
func (db *DB) failed(err error, read bool) error {
	db.dialect.afterFailure(db.sql, err)
	return db.dialect.worded(db.where(), err, db.wording.reading(read))
}

// WordReadsAsReads makes every read's failure say that nothing could be
// read, and every write's that nothing was recorded, whatever the
// database was opened for: the workspace reads and writes on one
// handle, and its home list read again on a lost server, or a report
// view on a damaged file, had said that nothing was recorded, which the
// person never asked to do. (A command opens the database for what it
// does as a whole: a read by a command that writes says nothing was
// recorded, the change the person asked for.)
func (db *DB) WordReadsAsReads() { db.wording = wordedAsDone }

// ShowAs makes messages name the database name rather than the path it
// was opened by: a file being built under a temporary name, to be
// renamed to name once complete.
func (db *DB) ShowAs(name string) { db.shownAs = name }

// where is the database as messages name it.
func (db *DB) where() string {
	if db.shownAs != "" {
		return db.shownAs
	}
	return db.path
}

// stamp is the current time as stored: UTC RFC 3339 text, no monotonic
// clock reading, comparable as text.
func (db *DB) stamp() string { return db.Now().UTC().Format(time.RFC3339Nano) }

func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

func notFound(id int64) error {
	return assess.Errorf(assess.ENotFound, "no assessment with ID %d (assay list shows them)", id)
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
