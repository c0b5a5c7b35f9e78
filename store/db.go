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
	// Now is the clock; tests replace it.
	Now func() time.Time

	mu        sync.Mutex
	snapshots map[string]*assess.Questionnaire // parsed snapshots by digest
}

var _ assess.Repository = (*DB)(nil)

// Open opens (creating if needed) the database at path and brings its
// schema up to date. A new file is created with mode 0600: assessments are
// confidential.
func Open(path string, decode Decoder) (*DB, error) {
	if err := createPrivate(path); err != nil {
		return nil, err
	}
	// Pragmas in the DSN apply to every connection the pool opens.
	// synchronous(FULL) makes each committed answer durable, even on power
	// loss; _txlock=immediate takes the write lock at BEGIN so that a
	// read-then-write transaction never fails with SQLITE_BUSY half way.
	dsn := "file:" + escapePath(path) +
		"?_pragma=busy_timeout(5000)&_pragma=foreign_keys(1)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
	sqldb, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("opening %s: %w", path, err)
	}
	// One connection: one writer, and no surprises with open Rows.
	sqldb.SetMaxOpenConns(1)
	db := &DB{sql: sqldb, decode: decode, Now: time.Now, snapshots: map[string]*assess.Questionnaire{}}
	if err := db.migrate(context.Background()); err != nil {
		sqldb.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return db, nil
}

// Close closes the database.
func (db *DB) Close() error { return db.sql.Close() }

func createPrivate(path string) error {
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return fmt.Errorf("creating %s: %w", dir, err)
		}
	}
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
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

func (db *DB) migrate(ctx context.Context) error {
	if _, err := db.sql.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL)`); err != nil {
		return fmt.Errorf("not an assay database, or it cannot be written: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, name := range names {
		version := strings.TrimSuffix(filepath.Base(name), ".sql")
		if err := db.applyMigration(ctx, name, version); err != nil {
			return fmt.Errorf("migration %s: %w", version, err)
		}
	}
	return nil
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
			return err
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`, version, db.stamp())
		return err
	})
}

// tx runs fn in a transaction, committing if it returns nil.
func (db *DB) tx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := db.sql.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	return tx.Commit()
}

// stamp is the current time as stored: UTC RFC 3339 text, no monotonic
// clock reading, comparable as text.
func (db *DB) stamp() string { return db.Now().UTC().Format(time.RFC3339Nano) }

func parseStamp(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}

func notFound(id int64) error {
	return assess.Errorf(assess.ENotFound, "no assessment %d", id)
}

func isNoRows(err error) bool { return errors.Is(err, sql.ErrNoRows) }
