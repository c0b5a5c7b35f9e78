package store

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/input"
)

// Before SQLite opens a database for writing, assay makes sure the file
// is one it may change: missing or empty, or an SQLite file that holds an
// assay schema this binary knows. Anything else is refused untouched,
// because adding tables to another program's database, or migrating a
// newer assay's schema backwards, would damage data assay cannot recreate.
//
// "Untouched" includes the -wal and -journal files beside it. A
// read-write connection is not only a writer: opening a database whose
// -wal holds changes not yet written into it checkpoints them into the
// file and deletes the -wal when the connection closes, and reading one
// with a hot -journal (left by a program that stopped mid-transaction)
// rolls the journal back into the file. So the file is judged without a
// read-write connection: its header is read directly, and its schema
// through an immutable connection, which reads the main file alone, takes
// no lock and never replays a -wal or a journal.

// sqliteMagic opens every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// applicationID marks a file as an assay database: the header's
// application ID (PRAGMA application_id), "assy" in ASCII. Databases made
// before assay set it are recognised by their schema_migrations table.
const applicationID = 0x61737379

// markedSince is the first migration an assay that marks its files
// applies: DB.migrate writes the mark before any migration, so every
// file that has it was marked.
const markedSince = "006_import_provenance"

// headerSize is the size of an SQLite file's header.
const headerSize = 100

// dbFile is what assay learns about a database file before SQLite opens
// it.
type dbFile struct {
	path    string
	exists  bool   // the file exists and is not empty
	appID   uint32 // the header's application ID
	pending string // the -wal or -journal beside it holding changes, or ""
}

// inspect reads path's header, without opening it for writing, and
// refuses a path that is not a regular file or a file that is not
// SQLite. A missing or empty file is a new database.
func inspect(path string) (dbFile, error) {
	f := dbFile{path: path, pending: pendingChanges(path)}
	file, err := input.OpenRegular(path)
	if errors.Is(err, os.ErrNotExist) {
		return f, nil
	}
	if errors.Is(err, input.ErrNotRegular) {
		return f, fmt.Errorf("%w; assay left it unchanged", err)
	}
	var unreadable *input.ReadError
	if errors.As(err, &unreadable) {
		return f, err // it names the file, and why it cannot be read
	}
	if err != nil {
		return f, fmt.Errorf("opening %s: %w", path, err)
	}
	defer file.Close()
	head := make([]byte, headerSize)
	n, err := io.ReadFull(file, head)
	switch {
	case n == 0 && (err == io.EOF || err == nil):
		return f, nil
	case err != nil && err != io.ErrUnexpectedEOF:
		return f, fmt.Errorf("reading %s: %w", path, err)
	case n < headerSize || !bytes.HasPrefix(head, sqliteMagic):
		return f, notSQLite(path)
	}
	f.exists = true
	f.appID = binary.BigEndian.Uint32(head[68:72])
	return f, nil
}

// pendingChanges names the -wal or -journal file beside path that holds
// changes, or "". SQLite replays either when it opens the file for
// writing.
func pendingChanges(path string) string {
	for _, suffix := range []string{"-wal", "-journal"} {
		if fi, err := os.Stat(path + suffix); err == nil && fi.Size() > 0 {
			return path + suffix
		}
	}
	return ""
}

// damagedSQLite is what a file that starts as SQLite's do, and that
// SQLite cannot read, says: a database damaged (a copy cut short or
// overwritten, a disk's fault), to be restored from a backup, not another
// program's file.
func damagedSQLite(path string, reading bool) error {
	return assess.Errorf(assess.EInternal, "%s is a damaged SQLite database: it starts as SQLite's do, and SQLite cannot read what follows; %s, and assay left it unchanged. Restore it from a backup", path, undone(reading))
}

// notSQLiteError is a file that is not SQLite at all.
type notSQLiteError struct{ path string }

func (e *notSQLiteError) Error() string {
	return e.path + " is not an assay database (not SQLite); assay left it unchanged"
}

func notSQLite(path string) error { return &notSQLiteError{path: path} }

// withRemedy adds what to do to a database that is not SQLite, opened as
// the person's portfolio: a wrong name given, or a database whose first
// bytes were overwritten, which comes back from a backup as a damaged one
// does. (A backup's destination that is not SQLite is another file, left
// alone: no remedy there.)
func withRemedy(err error) error {
	var not *notSQLiteError
	if errors.As(err, &not) {
		return fmt.Errorf("%w. If it held your assessments, it is damaged: restore it from a backup", err)
	}
	return err
}

// knownVersions are the migrations this binary carries, in order.
func knownVersions() ([]string, error) {
	names, err := migrationNames()
	if err != nil {
		return nil, err
	}
	versions := make([]string, len(names))
	for i, n := range names {
		versions[i] = migrationVersion(n)
	}
	return versions, nil
}

// missingMigration is the first migration this assay knows that applied
// lacks, or "" when the database is up to date and opening it writes
// nothing.
func missingMigration(applied []string) (string, error) {
	known, err := knownVersions()
	if err != nil {
		return "", err
	}
	for _, v := range known {
		if !slices.Contains(applied, v) {
			return v, nil
		}
	}
	return "", nil
}

// checkSchema decides whether assay may open f for writing, reading it
// without writing to it, its -wal or its -journal. It returns the
// migrations already applied; a new database has none. reading: it is
// opened by a command that only reads, whose failures say that nothing
// could be read (OpenExistingToRead).
func (f dbFile) checkSchema(ctx context.Context, reading bool) (applied []string, err error) {
	if !f.exists {
		// A -journal beside an empty file holds nothing to restore (and
		// may be another assay's, creating this database right now); a
		// -wal holds another program's data.
		if strings.HasSuffix(f.pending, "-wal") {
			return nil, fmt.Errorf("%s is not an assay database: it is empty, but %s beside it holds changes of another program; assay left them unchanged", f.path, f.pending)
		}
		return nil, nil
	}
	if err := f.refuseEmptiedByJournal(); err != nil {
		return nil, err
	}
	tables, applied, err := f.readSchema(ctx, reading)
	if err != nil {
		return nil, err
	}
	ours := slices.Contains(tables, "schema_migrations")
	switch {
	case f.appID != 0 && f.appID != applicationID:
		return nil, fmt.Errorf("%s is not an assay database: it is an SQLite database of another program (application ID %#08x); assay left it unchanged", f.path, f.appID)
	case !ours && len(tables) > 0:
		return nil, fmt.Errorf("%s is not an assay database: it is an SQLite database of another program (tables %s); assay left it unchanged",
			f.path, strings.Join(firstN(tables, 5), ", "))
	case !ours && f.appID != applicationID && f.pending != "":
		return nil, fmt.Errorf("%s is not an assay database: changes another program has not yet written into it wait in %s; assay left it unchanged", f.path, f.pending)
	}
	if strings.HasSuffix(f.pending, "-wal") {
		// An assay database with commits still in its -wal: read the
		// schema with them. A read-only connection reads the -wal but
		// never checkpoints it or deletes it; it may build the -shm
		// index. If it cannot (a read-only folder without a -shm), the
		// file's own schema is all there is to go on.
		if _, withWAL, err := readSchema(ctx, f.path, "mode=ro", reading); err == nil {
			applied = withWAL
		}
	}
	return applied, checkVersions(f.path, applied)
}

// readSchema reads the file's tables and migrations without writing to
// it. An assay file with a -wal beside it is open in another window,
// which may be writing it right now: an immutable read, which takes no
// lock, could see a page half rewritten by a checkpoint and call the file
// damaged, so it is read through an ordinary read-only connection, which
// honours the writer's locks and, with the -wal and -shm already there,
// creates nothing. Any other file is read as immutable, so that nothing
// of it, its -wal or its -journal is replayed, changed or created beside
// it; such a read racing a writer that has just started is retried before
// the file is called damaged.
func (f dbFile) readSchema(ctx context.Context, reading bool) (tables, applied []string, err error) {
	if _, walErr := os.Stat(f.path + "-wal"); walErr == nil && f.appID == applicationID {
		if tables, applied, err = readSchema(ctx, f.path, "mode=ro", reading); err == nil {
			return tables, applied, nil
		}
		// A read-only folder without a -shm: the immutable read below.
	}
	for attempt := 0; ; attempt++ {
		tables, applied, err = readSchema(ctx, f.path, "mode=ro&immutable=1", reading)
		var damaged errDamagedRead
		if err == nil || attempt == 4 || !errors.As(err, &damaged) {
			return tables, applied, err
		}
		time.Sleep(time.Duration(attempt+1) * 20 * time.Millisecond)
	}
}

// checkVersions refuses a database with a migration this binary does not
// know: a newer assay wrote it.
func checkVersions(path string, applied []string) error {
	known, err := knownVersions()
	if err != nil {
		return err
	}
	var unknown []string
	for _, v := range applied {
		if !slices.Contains(known, v) {
			unknown = append(unknown, v)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return fmt.Errorf("%s: this database was written by a newer assay (schema %s; this assay knows up to %s); upgrade assay",
			path, unknown[len(unknown)-1], known[len(known)-1])
	}
	return nil
}

// readSchema lists the tables of the database at path and the migrations
// recorded in it, on a connection of its own opened with the given URI
// parameters (read-only ones); reading words its failures as a read's.
func readSchema(ctx context.Context, path, params string, reading bool) (tables, versions []string, err error) {
	tables, versions, err = querySchema(ctx, path, params)
	switch {
	case err == nil:
		return tables, versions, nil
	case isNotADatabase(err):
		// inspect found SQLite's header: the file is SQLite's, damaged.
		return nil, nil, damagedSQLite(path, reading)
	case isCorrupt(err):
		return nil, nil, errDamagedRead{sqliteWorded(path, err, reading)}
	}
	return nil, nil, sqliteWorded(path, err, reading)
}

// querySchema is readSchema's queries, with SQLite's own errors.
func querySchema(ctx context.Context, path, params string) (tables, versions []string, err error) {
	conn, err := sql.Open("sqlite", "file:"+escapePath(path)+"?"+params)
	if err != nil {
		return nil, nil, fmt.Errorf("opening %s: %w", path, err)
	}
	defer conn.Close()
	tables, err = queryColumn(ctx, conn, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil || !slices.Contains(tables, "schema_migrations") {
		return tables, nil, err
	}
	versions, err = queryColumn(ctx, conn, `SELECT version FROM schema_migrations`)
	return tables, versions, err
}

// errDamagedRead is a schema read that found the file malformed: damaged,
// or read without a lock while another process rewrote it.
type errDamagedRead struct{ error }

func (e errDamagedRead) Unwrap() error { return e.error }

// queryColumn reads a query's one column of text, on either database.
func queryColumn(ctx context.Context, q interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// isNotADatabase reports SQLite's verdict on a file with an SQLite
// header and garbage after it.
func isNotADatabase(err error) bool {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return false
	}
	return se.Code()&0xff == sqlite3.SQLITE_NOTADB
}

func firstN(list []string, n int) []string {
	if len(list) <= n {
		return list
	}
	return append(list[:n:n], "…")
}
