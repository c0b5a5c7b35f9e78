package store

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps the statements of the save path prepared. modernc.org/sqlite
// parses and plans every query it is given anew, and each write to answers
// or assessments also compiles the lock triggers of migration 002: before
// this cache that was the largest fixed cost of a save after the commit.
//
// A *sql.Stmt is prepared once per connection by database/sql, and
// Tx.StmtContext reuses it on the transaction's connection (preparing it
// there again only if the pool has replaced the connection). Statements
// are prepared outside any transaction: the pool has a single connection,
// which a transaction holds, so preparing on the pool from inside one
// would wait for ever.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

// prepare makes sure every query in qs has a prepared statement. Call it
// outside a transaction.
func (c *stmtCache) prepare(ctx context.Context, db *sql.DB, qs ...string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, q := range qs {
		if _, ok := c.m[q]; ok {
			continue
		}
		s, err := db.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		if c.m == nil {
			c.m = map[string]*sql.Stmt{}
		}
		c.m[q] = s
	}
	return nil
}

func (c *stmtCache) get(q string) *sql.Stmt {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[q]
}

// close releases the statements; the DB closes them too when it closes.
func (c *stmtCache) close() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, s := range c.m {
		s.Close()
	}
	c.m = nil
}

// exec runs query in tx, through its prepared statement if it has one.
func (db *DB) exec(ctx context.Context, tx *sql.Tx, query string, args ...any) (sql.Result, error) {
	if s := db.stmts.get(query); s != nil {
		return tx.StmtContext(ctx, s).ExecContext(ctx, args...)
	}
	return tx.ExecContext(ctx, query, args...)
}

// queryRow is exec for a query that returns one row.
func (db *DB) queryRow(ctx context.Context, tx *sql.Tx, query string, args ...any) *sql.Row {
	if s := db.stmts.get(query); s != nil {
		return tx.StmtContext(ctx, s).QueryRowContext(ctx, args...)
	}
	return tx.QueryRowContext(ctx, query, args...)
}
