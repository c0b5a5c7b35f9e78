package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"sync"
)

// Some logins are shared by name between test runs. The store's tests
// act as fixed people ("Ana Analyst" and the others of its contract
// suite) and make logins of fixed names ("steps ana"), and their
// assertions read those names back from what the server recorded: every
// record names the login that wrote it (the server checks it against
// session_user), so the names cannot carry a suffix of each run. Two
// store test binaries running at once on one server (a second go test
// ./store, -count, two worktrees) take the same logins; each used to
// drop them as its own use ended, and the other's tests then failed
// with role "Ana Analyst" does not exist.
//
// So a run holds each such login for as long as it uses it (HoldLogin):
// a shared advisory lock (loginHoldKey, hashtext(name)) on a connection
// of its own to the server's own database, where the logins' lock
// (160016) is taken too. A run ending its use drops the login only when
// no session holds it any more (DropLogin): the last run to end drops
// it. A killed run's session ends with it, and its holds with it. The
// sweeps (DropStaleLogins) leave a held login whatever its mark says
// (the mark is the last taker's, who may be gone while another run still
// uses it), and CheckLogins does not count one a run still going holds
// as left behind. Two names whose hashes collide hold each other: a
// drop then waits for the other's, or for a later run's sweep.

// loginHoldKey is the first half of the advisory lock a run holds on a
// login it uses; the second is the hash of the login's name.
const loginHoldKey = 160017

// heldSQL is an SQL condition true when a session holds the login named
// by the SQL expression nameExpr, in the database the query runs in.
func heldSQL(nameExpr string) string {
	return `EXISTS (SELECT 1 FROM pg_locks l WHERE l.locktype = 'advisory'
		AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
		AND l.classid = ` + fmt.Sprint(loginHoldKey) + ` AND l.objsubid = 2
		AND l.objid::bigint = (hashtext(` + nameExpr + `)::bigint & 4294967295))`
}

// holder is a run's holds: one session, and the logins it holds.
type holder struct {
	mu   sync.Mutex
	db   *sql.DB
	conn *sql.Conn
	held map[string]bool
}

// holds are this process's.
var holds holder

// HoldLogin notes that this run uses the login name, which tests of
// other runs may use too, until DropLogin. The caller holds the logins'
// lock (160016) while it makes or takes the login, so that no run drops
// it meanwhile. open connects to the server $ASSAY_TEST_POSTGRES names.
func HoldLogin(ctx context.Context, open func(dsn string) (*sql.DB, error), name string) error {
	return holds.hold(ctx, os.Getenv("ASSAY_TEST_POSTGRES"), open, name)
}

// DropLogin ends this run's hold on the login name and drops the login,
// unless a session of another run holds it still: that run drops it as
// its own use ends. conn holds the logins' lock (160016), so that no run
// takes a hold between the look and the drop.
func DropLogin(ctx context.Context, conn *sql.Conn, name string) (dropped bool, err error) {
	return holds.drop(ctx, conn, name)
}

// ReleaseHolds ends every hold of this run: its tests are over.
// CheckLogins calls it before it looks for logins left behind.
func ReleaseHolds() { holds.releaseAll() }

func (h *holder) hold(ctx context.Context, dsn string, open func(dsn string) (*sql.DB, error), name string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.held[name] {
		return nil
	}
	if h.conn == nil {
		db, err := open(dsn)
		if err != nil {
			return err
		}
		conn, err := db.Conn(ctx)
		if err != nil {
			db.Close()
			return err
		}
		h.db, h.conn, h.held = db, conn, map[string]bool{}
	}
	if _, err := h.conn.ExecContext(ctx, `SELECT pg_advisory_lock_shared($1, hashtext($2))`, loginHoldKey, name); err != nil {
		return fmt.Errorf("holding the test login %q: %w", name, err)
	}
	h.held[name] = true
	return nil
}

func (h *holder) drop(ctx context.Context, conn *sql.Conn, name string) (bool, error) {
	if err := h.release(ctx, name); err != nil {
		return false, err
	}
	var held bool
	if err := conn.QueryRowContext(ctx, `SELECT `+heldSQL("$1"), name).Scan(&held); err != nil {
		return false, err
	}
	if held {
		return false, nil
	}
	if _, err := conn.ExecContext(ctx, `DROP ROLE IF EXISTS `+quoteIdent(name)); err != nil {
		return false, err
	}
	return true, nil
}

// release ends the hold on name, if there is one.
func (h *holder) release(ctx context.Context, name string) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	if !h.held[name] {
		return nil
	}
	if _, err := h.conn.ExecContext(ctx, `SELECT pg_advisory_unlock_shared($1, hashtext($2))`, loginHoldKey, name); err != nil {
		return fmt.Errorf("ending the hold on the test login %q: %w", name, err)
	}
	delete(h.held, name)
	return nil
}

// releaseAll ends every hold, and their session. The locks are let go
// first: a session's end reaches the server after its close returns.
func (h *holder) releaseAll() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.conn == nil {
		return
	}
	_, _ = h.conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock_all()`)
	h.conn.Close()
	h.db.Close()
	h.db, h.conn, h.held = nil, nil, nil
}
