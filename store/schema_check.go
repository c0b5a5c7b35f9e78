package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"github.com/assay-dev/assay/internal/input"
)

// Before assay writes a byte to a database it makes sure the file is
// one it may change: an SQLite file that is empty, or that holds an assay
// schema this binary knows. Anything else is refused untouched, because
// adding tables to another program's database, or migrating a newer
// assay's schema backwards, would damage data assay cannot recreate.

// sqliteMagic opens every SQLite database file.
var sqliteMagic = []byte("SQLite format 3\x00")

// checkHeader refuses, without opening it for writing, a file that exists
// and is not SQLite. A missing or empty file is a new database.
func checkHeader(path string) error {
	f, err := input.OpenRegular(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if errors.Is(err, input.ErrNotRegular) {
		return fmt.Errorf("%w; assay left it unchanged", err)
	}
	if err != nil {
		return fmt.Errorf("opening %s: %w", path, err)
	}
	defer f.Close()
	head := make([]byte, len(sqliteMagic))
	n, err := io.ReadFull(f, head)
	switch {
	case n == 0 && (err == io.EOF || err == nil):
		return nil
	case err != nil && err != io.ErrUnexpectedEOF:
		return fmt.Errorf("reading %s: %w", path, err)
	case !bytes.Equal(head[:n], sqliteMagic):
		return notSQLite(path)
	}
	return nil
}

func notSQLite(path string) error {
	return fmt.Errorf("%s is not an assay database (not SQLite); assay left it unchanged", path)
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

// checkSchema reads, and never writes, the tables of an open database:
// an empty database or one with a schema this binary knows may be
// migrated; another program's database, or a newer assay's, is refused.
// It returns the migrations already applied.
func checkSchema(ctx context.Context, conn *sql.DB, path string) (applied []string, err error) {
	tables, err := tableNames(ctx, conn)
	if err != nil {
		if isNotADatabase(err) {
			return nil, notSQLite(path)
		}
		return nil, fmt.Errorf("%s: reading the schema: %w", path, busyOr(err))
	}
	if len(tables) == 0 {
		return nil, nil
	}
	if !slices.Contains(tables, "schema_migrations") {
		return nil, fmt.Errorf("%s is not an assay database: it is an SQLite database of another program (tables %s); assay left it unchanged",
			path, strings.Join(firstN(tables, 5), ", "))
	}
	known, err := knownVersions()
	if err != nil {
		return nil, err
	}
	rows, err := conn.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return nil, fmt.Errorf("%s: reading the schema version: %w", path, busyOr(err))
	}
	defer rows.Close()
	var unknown []string
	for rows.Next() {
		var v string
		if err := rows.Scan(&v); err != nil {
			return nil, fmt.Errorf("%s: reading the schema version: %w", path, err)
		}
		if !slices.Contains(known, v) {
			unknown = append(unknown, v)
		}
		applied = append(applied, v)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("%s: reading the schema version: %w", path, busyOr(err))
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("%s: this database was written by a newer assay (schema %s; this assay knows up to %s); upgrade assay",
			path, unknown[len(unknown)-1], known[len(known)-1])
	}
	return applied, nil
}

func tableNames(ctx context.Context, conn *sql.DB) ([]string, error) {
	rows, err := conn.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
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
