package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os/exec"
	"testing"
	"time"
)

// sweepCase is what the sweeps' tests start from: a connection holding
// the sweeps' lock from the making of stale-looking logins or schemas to
// the test's own sweep (another package's sweep, starting on the same
// server meanwhile, would otherwise drop them first), a prefix of names
// of this run's own, and the marks of a maker alive here, one gone here,
// and one on another machine lately and long ago.
type sweepCase struct {
	ctx            context.Context
	db             *sql.DB
	conn           *sql.Conn
	unlock         func()
	prefix         string
	now            time.Time
	here, deadHere loginMark
	recent, old    loginMark
}

func newSweepCase(t *testing.T, dsn, prefix string) sweepCase {
	t.Helper()
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() }) // after the drops the test registers, which run first
	ctx := context.Background()
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() }) // after the drops
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(160016)`); err != nil {
		t.Fatal(err)
	}
	unlock := func() { _, _ = conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(160016)`) }
	here := thisProcess()
	now := time.Now().UTC()
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Fatal(err)
	}
	deadHere := here
	deadHere.PID = dead.Process.Pid
	elsewhere := loginMark{Host: here.Host + "-other", Boot: "another-boot", PID: here.PID}
	recent, old := elsewhere, elsewhere
	recent.Made, old.Made = now.Add(-time.Hour), now.Add(-StaleAfter-time.Minute)
	return sweepCase{ctx: ctx, db: db, conn: conn, unlock: unlock, prefix: prefix, now: now,
		here: here, deadHere: deadHere, recent: recent, old: old}
}

// randomHex is eight hex digits, for names of this run's own.
func randomHex() string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// openPgx connects through pgx's database/sql driver, as the packages'
// TestMains do.
func openPgx(dsn string) (*sql.DB, error) { return sql.Open("pgx", dsn) }
