package pgtest

import (
	"database/sql"
	"slices"
	"testing"

	_ "github.com/jackc/pgx/v5/stdlib" // database/sql's "pgx"
)

// A run killed before its cleanup left its logins on the server. The
// next run's sweep drops those whose maker is known to be gone, and only
// those: a login a live run made (this process), one made on another
// machine lately, one with a session open, one a run still going holds
// (a name tests of several runs share: its mark is the last taker's,
// who may be gone), and one assay's tests did not mark are kept,
// whatever their names.
func TestASweepDropsTheLoginsOfRunsThatAreGone(t *testing.T) {
	dsn := Require(t)
	sw := newSweepCase(t, dsn, "pgtest-sweep-"+randomHex()+"-")
	ctx, db, conn, unlock, prefix, now := sw.ctx, sw.db, sw.conn, sw.unlock, sw.prefix, sw.now
	here, deadHere, recent, old := sw.here, sw.deadHere, sw.recent, sw.old
	marks := map[string]*loginMark{
		"killed-here":      &deadHere,
		"live-here":        &here,
		"elsewhere-lately": &recent,
		"elsewhere-old":    &old,
		"connected":        &deadHere,
		"held":             &deadHere,
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

	// Held by a run still going, on a session of its own (HoldLogin).
	other := &holder{}
	t.Cleanup(other.releaseAll) // before its login's drop
	if err := other.hold(ctx, dsn, openPgx, prefix+"held"); err != nil {
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
