package testfixture

import (
	"context"
	"database/sql"
	"testing"

	_ "modernc.org/sqlite" // the driver assay's SQLite store uses
)

// HoldWriteLock opens the SQLite database at path from a handle of its
// own and begins a transaction that takes the write lock (BEGIN
// IMMEDIATE), then runs each of then inside it (a write half made, for
// one), as another process in the middle of a write would. The lock is
// held until the returned function, or the test's end, rolls it back.
func HoldWriteLock(t *testing.T, path string, then ...string) (release func()) {
	t.Helper()
	ctx := context.Background()
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(100)")
	if err != nil {
		t.Fatal(err)
	}
	conn, err := raw.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range append([]string{`BEGIN IMMEDIATE`}, then...) {
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	done := false
	release = func() {
		if done {
			return
		}
		done = true
		if _, err := conn.ExecContext(ctx, `ROLLBACK`); err != nil {
			t.Error(err)
		}
		conn.Close()
		raw.Close()
	}
	t.Cleanup(release)
	return release
}
