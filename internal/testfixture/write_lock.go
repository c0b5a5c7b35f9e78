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
	return hold(t, path, "", append([]string{`BEGIN IMMEDIATE`}, then...))
}

// HoldExclusiveLock holds the SQLite database at path as the sqlite3
// shell does after PRAGMA locking_mode=EXCLUSIVE and BEGIN EXCLUSIVE with
// a query typed: the whole file, so that nobody else may even read it
// (a write-ahead-logged file's readers are otherwise never kept out). The
// lock is held until the returned function, or the test's end, ends it.
func HoldExclusiveLock(t *testing.T, path string) (release func()) {
	t.Helper()
	return hold(t, path, "&_pragma=locking_mode(EXCLUSIVE)", []string{`BEGIN EXCLUSIVE`, `SELECT COUNT(*) FROM sqlite_master`})
}

// hold runs stmts on a connection of its own to path, opened with the
// extra URI parameters, and keeps the transaction they begin open until
// the returned function, or the test's end, rolls it back.
func hold(t *testing.T, path, params string, stmts []string) (release func()) {
	t.Helper()
	ctx := context.Background()
	raw, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(100)"+params)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := raw.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range stmts {
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
