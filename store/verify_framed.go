package store

import (
	"context"
	"database/sql"
	"fmt"
	"math"
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

// readFramed runs a framedQuery and hands each owner's id, count of rows
// and joined text to owner; ok is false when a text does not split into
// exactly its count of rows of n values, or a value was not of its
// column's type. Counting the separators is enough: no value is NULL
// (it would be mistyped, or in PostgreSQL leave its row out), so each
// row has at least n-1 unit separators and the rows between them count-1
// record separators; as many as that in all means no value holds one.
// The reading goroutine only counts; splitFramed splits the text on the
// goroutine that checks it.
func (v *verifier) readFramed(ctx context.Context, query string, lo, hi int64, n int, owner func(id, count int64, text string)) (ok bool, err error) {
	if v.rowByRow {
		return false, nil
	}
	defer func() {
		if err == nil && !ok {
			v.rereads.Add(1)
		}
	}()
	rows, err := v.tx.QueryContext(ctx, query, lo, hi)
	if err != nil {
		return false, err
	}
	defer rows.Close()
	var text sql.NullString
	prev := int64(math.MinInt64)
	for rows.Next() {
		var id, count, mistyped int64
		if err := rows.Scan(&id, &count, &text, &mistyped); err != nil {
			return false, err
		}
		// Owners come in order, each once, unless an owner's id is stored
		// as two values that read as one number (5 and 5.0).
		if id <= prev {
			return false, rows.Err()
		}
		prev = id
		if !text.Valid || mistyped != 0 || count < 1 ||
			int64(strings.Count(text.String, recordSeparator)) != count-1 ||
			int64(strings.Count(text.String, unitSeparator)) != int64(n-1)*count {
			return false, rows.Err()
		}
		owner(id, count, text.String)
	}
	return true, rows.Err()
}

// splitFramed hands each row of a text readFramed accepted to row, as
// n values that share the text.
func splitFramed(text string, n int, row func(f []string) error) error {
	f := make([]string, n)
	for rec := range strings.SplitSeq(text, recordSeparator) {
		for i := range n - 1 {
			f[i], rec, _ = strings.Cut(rec, unitSeparator)
		}
		f[n-1] = rec
		if err := row(f); err != nil {
			return err
		}
	}
	return nil
}

// parseInt reads an integer column's value as the database writes it,
// as database/sql would have read it into an int64.
func parseInt(what, s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s %q: %w", what, s, err)
	}
	return n, nil
}
