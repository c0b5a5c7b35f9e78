package pgtest

import (
	"context"
	"database/sql"
	"slices"
	"testing"
)

// Two runs share a login by name (the store's "Ana Analyst"): the first
// to end its use leaves it to the other, which drops it as its own use
// ends. A run killed while holding one holds nothing: its session ended.
func TestASharedLoginIsDroppedByTheLastRunUsingIt(t *testing.T) {
	dsn := Require(t)
	ctx := context.Background()
	db, conn := lockedLogins(t, dsn)
	name := "pgtest-held-" + randomHex()
	createLogin(t, db, name)

	first, second := &holder{}, &holder{}
	t.Cleanup(first.releaseAll)
	t.Cleanup(second.releaseAll)
	for _, h := range []*holder{first, second} {
		if err := h.hold(ctx, dsn, openPgx, name); err != nil {
			t.Fatal(err)
		}
	}
	if dropped, err := first.drop(ctx, conn, name); err != nil || dropped {
		t.Fatalf("the first run to end dropped the login another still holds: dropped %v, %v", dropped, err)
	}
	if !loginExists(t, db, name) {
		t.Fatal("the login another run holds is gone")
	}
	if dropped, err := second.drop(ctx, conn, name); err != nil || !dropped {
		t.Fatalf("the last run to end did not drop the login: dropped %v, %v", dropped, err)
	}
	if loginExists(t, db, name) {
		t.Fatal("the login is still on the server after the last run using it ended")
	}

	// A run that ends its session (as a killed one does) holds nothing.
	killed := &holder{}
	createLogin(t, db, name)
	if err := killed.hold(ctx, dsn, openPgx, name); err != nil {
		t.Fatal(err)
	}
	killed.releaseAll()
	if dropped, err := second.drop(ctx, conn, name); err != nil || !dropped {
		t.Fatalf("a login whose other holder's session ended was not dropped: dropped %v, %v", dropped, err)
	}
}

// CheckLogins does not count as left behind a login this run made that a
// run still going holds: that run drops it as its use ends. One nobody
// holds is left behind.
func TestALoginAnotherRunHoldsIsNotLeftBehind(t *testing.T) {
	dsn := Require(t)
	ctx := context.Background()
	db, _ := lockedLogins(t, dsn)
	held, loose := "pgtest-held-"+randomHex(), "pgtest-loose-"+randomHex()
	createLogin(t, db, held)
	createLogin(t, db, loose)
	other := &holder{}
	t.Cleanup(other.releaseAll)
	if err := other.hold(ctx, dsn, openPgx, held); err != nil {
		t.Fatal(err)
	}
	left, err := loginsOnServer(db, []string{held, loose})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(left, []string{loose}) {
		t.Errorf("left behind: %q, want only %q", left, loose)
	}
}

// lockedLogins connects to the server and takes the logins' lock
// (160016) on a connection of its own, as the makers and the sweeps do,
// for the whole test.
func lockedLogins(t *testing.T, dsn string) (*sql.DB, *sql.Conn) {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := conn.ExecContext(context.Background(), `SELECT pg_advisory_lock(160016)`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _, _ = conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(160016)`) })
	return db, conn
}

// createLogin makes the login name, dropped when the test ends.
func createLogin(t *testing.T, db *sql.DB, name string) {
	t.Helper()
	if _, err := db.Exec(`CREATE ROLE ` + quoteIdent(name) + ` LOGIN`); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := db.Exec(`DROP ROLE IF EXISTS ` + quoteIdent(name)); err != nil {
			t.Errorf("dropping the test login %s: %v", name, err)
		}
	})
}

func loginExists(t *testing.T, db *sql.DB, name string) bool {
	t.Helper()
	var n int
	if err := db.QueryRow(`SELECT count(*) FROM pg_roles WHERE rolname = $1`, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n > 0
}
