package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
)

// A full verify reads some twenty million rows at 100,000 assessments,
// and modernc.org/sqlite with database/sql costs more for each row and
// column it hands over (a mutex per column call, a copy, database/sql's
// conversions) than for the bytes in it. So the two big tables, the
// audit records and the answers, are read as one row per owner: the
// database joins the owner's rows into one text, the values of a row
// separated by a unit separator (U+001F) and the rows by a record
// separator (U+001E).
//
// The values are untrusted and may hold either separator. That cannot
// go unseen: a separator inside a value adds a piece, so the text splits
// into exactly the owner's count of rows of exactly the columns' count
// of values only when no value holds one. And a value that is not the
// type of its column (SQLite keeps any type in any column, and writes a
// number or a NULL otherwise than database/sql reads it) is counted by
// the query. Whatever does not read back exactly (a count, a type, an
// order, a number that is not one) makes the caller read the batch again
// row by row, the way verify always did: an edit outside assay is
// reported as it would have been.
//
// A joined row per owner costs SQLite's virtual machine about what the
// rows did; what it saves is the driver's and database/sql's work on
// each row and column, and an allocation for each value in Go.

const (
	unitSeparator   = "\x1f"
	recordSeparator = "\x1e"
)

// framedQuery returns the query that reads cols of table's rows of owner
// ids lo to hi (the two parameters), one row per owner: the owner's id,
// how many rows it has, the rows joined, and how many rows hold a value
// of another type than its column's. ints are the columns that hold
// integers. SQLite joins the rows in the order it reads them, which for
// the owners' indexes is order (the caller checks it); PostgreSQL is
// told the order. A PostgreSQL column holds its type, and a NULL there
// makes the row's text NULL and leaves the row out, which the count
// shows.
func framedQuery(sqlite bool, table, fk string, cols []string, ints map[string]bool, order string) string {
	if sqlite {
		types := make([]string, len(cols))
		want := ""
		for i, c := range cols {
			types[i] = "typeof(" + c + ")"
			if ints[c] {
				want += "integer"
			} else {
				want += "text"
			}
		}
		return `SELECT ` + fk + `, COUNT(*), string_agg(concat_ws(char(31), ` + strings.Join(cols, ", ") + `), char(30)),
			SUM(concat(` + strings.Join(types, ", ") + `) <> '` + want + `')
			FROM ` + table + ` WHERE ` + fk + ` BETWEEN ? AND ? GROUP BY ` + fk + ` ORDER BY ` + fk
	}
	vals := make([]string, len(cols))
	for i, c := range cols {
		vals[i] = c + "::text"
	}
	return `SELECT ` + fk + `, COUNT(*), string_agg(` + strings.Join(vals, " || chr(31) || ") + `, chr(30) ORDER BY ` + order + `), 0
		FROM ` + table + ` WHERE ` + fk + ` BETWEEN ? AND ? GROUP BY ` + fk + ` ORDER BY ` + fk
}

// readFramed runs a framedQuery and hands each owner's rows to row, as
// n values each, in the order they were joined; ok is false when an
// owner's text did not split into exactly its count of rows of n values,
// when a value was not of its column's type, or when row returns false.
// The values share the owner's text.
func readFramed(ctx context.Context, tx *sql.Tx, query string, lo, hi int64, n int, row func(owner int64, f []string) bool) (ok bool, err error) {
	rows, err := tx.QueryContext(ctx, query, lo, hi)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	f := make([]string, n)
	var text sql.NullString
	for rows.Next() {
		var owner, count, mistyped int64
		if err := rows.Scan(&owner, &count, &text, &mistyped); err != nil {
			return false, err
		}
		if !text.Valid || mistyped != 0 || int64(strings.Count(text.String, recordSeparator)) != count-1 {
			return false, rows.Err()
		}
		for rec := range strings.SplitSeq(text.String, recordSeparator) {
			if !splitInto(rec, f) || !row(owner, f) {
				return false, rows.Err()
			}
		}
	}
	return true, rows.Err()
}

// splitInto splits rec at unit separators into exactly len(f) values.
func splitInto(rec string, f []string) bool {
	last := len(f) - 1
	for i := range last {
		var found bool
		if f[i], rec, found = strings.Cut(rec, unitSeparator); !found {
			return false
		}
	}
	f[last] = rec
	return !strings.Contains(rec, unitSeparator)
}

// parseInt reads an integer column's value as the database writes it:
// plain decimal digits with an optional minus sign. database/sql reads
// such a text into an int64 the same way.
func parseInt(s string) (int64, bool) {
	if s == "" || s[0] == '+' {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, err == nil
}
