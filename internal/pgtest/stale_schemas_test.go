package pgtest

import (
	"slices"
	"strings"
	"testing"
)

// A run killed before its cleanup left its team schemas in the package's
// test database. The next run's sweep drops those whose maker is known to
// be gone, and only those: a schema a live run made (this process), one
// made on another machine lately, one a session is using, one assay's
// tests did not mark, and one with no comment at all are kept, whatever
// their names.
func TestASweepDropsTheSchemasOfRunsThatAreGone(t *testing.T) {
	dsn := Require(t)
	sw := newSweepCase(t, dsn, "pgtest_sweep_"+randomHex()+"_")
	ctx, db, conn, unlock, prefix, now := sw.ctx, sw.db, sw.conn, sw.unlock, sw.prefix, sw.now
	here, deadHere, recent, old := sw.here, sw.deadHere, sw.recent, sw.old
	marks := map[string]*loginMark{
		"killed_here":      &deadHere,
		"live_here":        &here,
		"elsewhere_lately": &recent,
		"elsewhere_old":    &old,
		"in_use":           &deadHere,
		"unmarked":         nil,
		"no_comment":       nil,
	}
	for what, m := range marks {
		name := prefix + what
		// A table, as a team schema has: what a session using it locks,
		// and what the drop must take with it.
		if _, err := db.Exec(`CREATE SCHEMA ` + quoteIdent(name) + `; CREATE TABLE ` + quoteIdent(name) + `.answers (id int)`); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() {
			if _, err := db.Exec(`DROP SCHEMA IF EXISTS ` + quoteIdent(name) + ` CASCADE`); err != nil {
				t.Errorf("dropping the test schema %s: %v", name, err)
			}
		})
		if m != nil {
			if err := markSchema(ctx, db, name, *m); err != nil {
				t.Fatal(err)
			}
		}
	}
	if _, err := db.Exec(`COMMENT ON SCHEMA ` + quoteIdent(prefix+"unmarked") + ` IS 'assay test schema, said by a person'`); err != nil {
		t.Fatal(err)
	}
	// A session using in_use: a transaction that has read its table.
	session, err := db.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = session.Rollback() }) // before its schema's drop
	if _, err := session.Exec(`SELECT count(*) FROM ` + quoteIdent(prefix+"in_use") + `.answers`); err != nil {
		t.Fatal(err)
	}

	dropped, failed, err := dropStaleSchemas(ctx, conn, now, here)
	unlock()
	if err != nil {
		t.Fatal(err)
	}
	for name, err := range failed {
		if strings.HasPrefix(name, prefix) {
			t.Errorf("could not drop %s: %v", name, err)
		}
	}
	var ours []string
	for _, name := range dropped {
		if strings.HasPrefix(name, prefix) {
			ours = append(ours, strings.TrimPrefix(name, prefix))
		}
	}
	slices.Sort(ours)
	if want := []string{"elsewhere_old", "killed_here"}; !slices.Equal(ours, want) {
		t.Errorf("the sweep dropped %q of this test's schemas, want %q", ours, want)
	}
	for what := range marks {
		var n int
		if err := db.QueryRow(`SELECT count(*) FROM pg_namespace WHERE nspname = $1`, prefix+what).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if gone := what == "elsewhere_old" || what == "killed_here"; (n == 0) != gone {
			t.Errorf("schema %s: %d in the database after the sweep", what, n)
		}
	}
}
