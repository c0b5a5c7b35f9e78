package store

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/assay-dev/assay/internal/pgtest"
)

// leaveLimit is how long closing a handle on a server gone silent may
// take before the test calls it held up: a hang detector, not a speed
// target. Closing sends each connection's goodbye and waits for no
// answer; what it must not do is wait, as pgx does for each statement
// it deallocates, up to 5 s a connection for a server that never
// answers.
const leaveLimit = 2 * time.Second

// A handle that saved answers (the save path's statements prepared on
// its connections) closes at once on a server gone silent: assay, quit
// with nothing left unsaved, ended only after pgx had waited 5 s a
// connection to deallocate the statements one by one, which the server
// does itself when the connection ends.
func TestClosingAfterSavesOnASilentServerEndsAtOnce(t *testing.T) {
	db, proxy := savedThroughSilentProxy(t)
	proxy.silence(true)
	start := time.Now()
	db.Close()
	if took := time.Since(start); took > leaveLimit {
		t.Errorf("closing the handle on a silent server took %s; it sends its goodbyes and waits for no answer", took.Round(time.Millisecond))
	}
}

// A connection the pool closes mid-session, beyond its idle limit, ends
// at once on a server gone silent too: database/sql closes its prepared
// statements first, and pgx waited up to 5 s for each connection's
// deallocation, which the server never answers, in the goroutine that
// gave the connection back: a save or a read a person waits on. Here the
// idle limit is lowered, which closes the idle connection holding the
// save's statements there and then, as the pool does to one given back
// past the limit.
func TestAConnectionClosedMidSessionOnASilentServerEndsAtOnce(t *testing.T) {
	db, proxy := savedThroughSilentProxy(t)
	proxy.silence(true)
	start := time.Now()
	db.sql.SetMaxIdleConns(0)
	if took := time.Since(start); took > leaveLimit {
		t.Errorf("the pool closing a connection on a silent server took %s; ending a connection frees its statements on the server, and nothing waits for an answer", took.Round(time.Millisecond))
	}
}

// A statement closed while the handle stays open ends at once on a server
// gone silent: pgx waited up to 5 s for its deallocation's answer.
func TestAStatementClosedOnASilentServerEndsAtOnce(t *testing.T) {
	db, proxy := savedThroughSilentProxy(t)
	stmt, err := db.sql.PrepareContext(context.Background(), `SELECT COUNT(*) FROM assessments WHERE id = ?`)
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := stmt.QueryRowContext(context.Background(), 1).Scan(&n); err != nil {
		t.Fatal(err)
	}
	proxy.silence(true)
	start := time.Now()
	stmt.Close()
	if took := time.Since(start); took > leaveLimit {
		t.Errorf("closing a statement on a silent server took %s; the server frees it when the connection ends", took.Round(time.Millisecond))
	}
}

// savedThroughSilentProxy is a team handle, through a proxy that can go
// silent, that has saved an answer: the save path's statements are
// prepared on its connection, which is idle in the pool.
func savedThroughSilentProxy(t *testing.T) (*DB, *silentProxy) {
	t.Helper()
	dsn := teamSchema(t)
	proxy := newSilentProxy(t, requirePostgres(t))
	viaProxy := pgtest.WithParams(t, dsn, "", map[string]string{
		"host": "127.0.0.1", "port": strconv.Itoa(proxy.port()), "sslmode": "disable"})
	db := openTeamAs(t, viaProxy)
	_, q := testDB(t)
	a := newAssessment(t, db, q, "Globex", day("2026-03-01"), nil)
	if err := db.SaveAnswer(as("Ana Analyst"), a.ID, choice("mfa", "no")); err != nil {
		t.Fatal(err)
	}
	return db, proxy
}
