package pgtest

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"os/exec"
	"slices"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql's "pgx"
)

// A run killed before its cleanup left its logins on the server. The
// next run's sweep drops those whose maker is known to be gone, and only
// those: a login a live run made (this process), one made on another
// machine lately, one with a session open, and one assay's tests did not
// mark are kept, whatever their names.
func TestASweepDropsTheLoginsOfRunsThatAreGone(t *testing.T) {
	dsn := Require(t)
	db, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() }) // after the logins' drops, which run first
	ctx := context.Background()
	// The logins below look stale to any sweep: another package's tests,
	// starting on the same server meanwhile, would drop them before this
	// one could. The lock the sweeps take is held from their making to
	// this test's sweep.
	conn, err := db.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() }) // after the logins' drops
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(160016)`); err != nil {
		t.Fatal(err)
	}
	unlock := func() { _, _ = conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(160016)`) }
	var b [4]byte
	_, _ = rand.Read(b[:])
	prefix := "pgtest-sweep-" + hex.EncodeToString(b[:]) + "-"
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
	marks := map[string]*loginMark{
		"killed-here":      &deadHere,
		"live-here":        &here,
		"elsewhere-lately": &recent,
		"elsewhere-old":    &old,
		"connected":        &deadHere,
		"unmarked":         nil,
	}
	const password = "pw-sweep-Zq1"
	for what, m := range marks {
		name := prefix + what
		if _, err := db.Exec(`CREATE ROLE ` + quoteIdent(name) + ` LOGIN PASSWORD '` + password + `'`); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if _, err := db.Exec(`DROP ROLE IF EXISTS ` + quoteIdent(name)); err != nil {
				t.Errorf("dropping the test login %s: %v", name, err)
			}
		})
		if m != nil {
			if err := markLogin(ctx, db, name, *m); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := db.Exec(`COMMENT ON ROLE ` + quoteIdent(prefix+"unmarked") + ` IS 'assay test login, said by a person'`); err != nil {
		t.Fatal(err)
	}
	session, err := sql.Open("pgx", WithParams(t, dsn, "", map[string]string{"user": prefix + "connected", "password": password}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { session.Close() }) // before its login's drop
	if err := session.Ping(); err != nil {
		t.Fatal(err)
	}

	dropped, failed, err := dropStale(ctx, conn, now, here)
	unlock()
	if err != nil {
		t.Fatal(err)
	}
	for name, err := range failed {
		t.Errorf("could not drop %s: %v", name, err)
	}
	var ours []string
	for _, name := range dropped {
		if len(name) > len(prefix) && name[:len(prefix)] == prefix {
			ours = append(ours, name[len(prefix):])
		}
	}
	slices.Sort(ours)
	if want := []string{"elsewhere-old", "killed-here"}; !slices.Equal(ours, want) {
		t.Errorf("the sweep dropped %q of this test's logins, want %q", ours, want)
	}
	for what := range marks {
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM pg_roles WHERE rolname = $1`, prefix+what).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if gone := what == "elsewhere-old" || what == "killed-here"; (n == 0) != gone {
			t.Errorf("login %s: %d on the server after the sweep", what, n)
		}
	}
}
