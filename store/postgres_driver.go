package store

import (
	"context"
	"database/sql/driver"
	"io"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5/stdlib"
)

// The store's queries are written once, with SQLite's ? placeholders.
// PostgreSQL numbers its parameters ($1, $2…), and a pgx connection
// reads one result set at a time, where SQLite lets a query start while
// another's rows are still being read (verify reads the ledger and its
// leaves side by side; several reads query inside a row loop). The
// driver below wraps pgx's database/sql driver to close both gaps, so
// that no query of the shared code needs a second copy:
//
//   - every query is rewritten when it reaches the connection: the text
//     of postgresQueries for the few SQLite words its own way, else the
//     same text with ? as $n (outside quotes and comments); rewrites are
//     cached by text;
//   - a query sent while another result set of the connection is still
//     open first reads the rest of that one into memory, where its
//     reader finds it as if nothing had happened.

// pgConnector hands database/sql connections that rebind and settle.
type pgConnector struct {
	inner driver.Connector
}

func (c pgConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	return &pgConn{Conn: conn.(*stdlib.Conn)}, nil
}

func (c pgConnector) Driver() driver.Driver { return c.inner.Driver() }

// pgConn is one connection. database/sql never uses a connection from two
// goroutines at once, so open needs no lock.
type pgConn struct {
	*stdlib.Conn
	open *pgRows // the result set being read, if any
}

// settle reads the open result set, if any, to its end, so that the
// connection can take another query.
func (c *pgConn) settle() {
	if c.open != nil {
		c.open.buffer()
		c.open = nil
	}
}

func (c *pgConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	c.settle()
	s, err := c.Conn.PrepareContext(ctx, rebind(query))
	if err != nil {
		return nil, err
	}
	return &pgStmt{Stmt: s.(*stdlib.Stmt), conn: c}, nil
}

func (c *pgConn) Prepare(query string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), query)
}

func (c *pgConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	c.settle()
	return c.Conn.ExecContext(ctx, rebind(query), args)
}

func (c *pgConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	c.settle()
	rows, err := c.Conn.QueryContext(ctx, rebind(query), args)
	return c.opened(rows, err)
}

func (c *pgConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	c.settle()
	tx, err := c.Conn.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return pgTx{tx, c}, nil
}

// pgTx settles the connection before it commits or rolls back.
type pgTx struct {
	inner driver.Tx
	conn  *pgConn
}

func (t pgTx) Commit() error   { t.conn.settle(); return t.inner.Commit() }
func (t pgTx) Rollback() error { t.conn.settle(); return t.inner.Rollback() }

func (c *pgConn) opened(rows driver.Rows, err error) (driver.Rows, error) {
	if err != nil {
		return nil, err
	}
	r := &pgRows{inner: rows, conn: c, cols: rows.Columns()}
	c.open = r
	return r, nil
}

// pgStmt is a prepared statement of a pgConn: it settles the connection
// before it runs, like the connection's own queries.
type pgStmt struct {
	*stdlib.Stmt
	conn *pgConn
}

// Close leaves the statement on the server, which forgets a session's
// statements itself when its connection ends. pgx's own Close
// deallocates it there and waits up to 5 s for the answer, which a
// server gone silent never sends; and database/sql closes statements
// where a person waits: a statement closed before the handle (a copy's
// insert), and every statement of a connection the pool closes beyond
// its idle limit, in the goroutine that gave it back (a save, a read),
// as well as the handle's own as it closes. Left, a statement costs the
// server one entry a connection for each query text assay prepares, a
// fixed few, and preparing the same text again on that connection takes
// it up again (pgx finds it by its text), as pgx's statement cache keeps
// every query's anyway.
func (s *pgStmt) Close() error { return nil }

func (s *pgStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	s.conn.settle()
	return s.Stmt.ExecContext(ctx, args)
}

func (s *pgStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	s.conn.settle()
	rows, err := s.Stmt.QueryContext(ctx, args)
	return s.conn.opened(rows, err)
}

// pgRows is a result set, read from the server or, once another query
// needed the connection, from memory.
type pgRows struct {
	inner    driver.Rows
	conn     *pgConn
	cols     []string
	buffered bool
	rows     [][]driver.Value
	err      error // what ended the buffered read, other than io.EOF
}

func (r *pgRows) Columns() []string { return r.cols }

func (r *pgRows) Next(dest []driver.Value) error {
	if !r.buffered {
		return r.inner.Next(dest)
	}
	if len(r.rows) == 0 {
		if r.err != nil {
			return r.err
		}
		return io.EOF
	}
	copy(dest, r.rows[0])
	r.rows = r.rows[1:]
	return nil
}

func (r *pgRows) Close() error {
	if r.conn.open == r {
		r.conn.open = nil
	}
	if r.buffered {
		r.rows = nil
		return nil
	}
	return r.inner.Close()
}

// buffer reads the rest of the result set into memory and releases the
// connection. Byte slices are copied: the driver may reuse its buffers.
func (r *pgRows) buffer() {
	if r.buffered {
		return
	}
	for {
		row := make([]driver.Value, len(r.cols))
		err := r.inner.Next(row)
		if err == io.EOF {
			break
		}
		if err != nil {
			r.err = err
			break
		}
		for i, v := range row {
			if b, ok := v.([]byte); ok {
				row[i] = append([]byte(nil), b...)
			}
		}
		r.rows = append(r.rows, row)
	}
	if err := r.inner.Close(); err != nil && r.err == nil {
		r.err = err
	}
	r.buffered = true
}

// rebinds caches rebind's results by query text.
var rebinds sync.Map

// rebind is query as PostgreSQL takes it: its own wording from
// postgresQueries, else the same text with each ? outside quotes and
// comments numbered $1, $2…
func rebind(query string) string {
	if q, ok := rebinds.Load(query); ok {
		return q.(string)
	}
	q, ok := postgresQueries[query]
	if !ok {
		q = numberParams(query)
	}
	rebinds.Store(query, q)
	return q
}

// numberParams numbers the ? placeholders of query. It skips string
// literals ('…', with ” inside), quoted identifiers ("…"), dollar-quoted
// bodies ($$…$$) and comments (-- to the end of the line, /* … */).
func numberParams(query string) string {
	if !strings.ContainsRune(query, '?') {
		return query
	}
	var b strings.Builder
	b.Grow(len(query) + 16)
	n := 0
next:
	for i := 0; i < len(query); i++ {
		if query[i] == '?' {
			n++
			b.WriteByte('$')
			b.WriteString(strconv.Itoa(n))
			continue
		}
		for _, q := range unnumbered {
			if strings.HasPrefix(query[i:], q.open) {
				end := len(query)
				if j := strings.Index(query[i+len(q.open):], q.close); j >= 0 {
					end = i + len(q.open) + j + len(q.close)
				}
				b.WriteString(query[i:end])
				i = end - 1
				continue next
			}
		}
		b.WriteByte(query[i])
	}
	return b.String()
}

// unnumbered are the spans of SQL whose ? is not a placeholder, by what
// opens and closes them; a span left open runs to the end of the query.
var unnumbered = []struct{ open, close string }{
	{"'", "'"}, {`"`, `"`}, {"--", "\n"}, {"/*", "*/"}, {"$$", "$$"},
}
