package store

import (
	"context"
	"database/sql"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/assay-dev/assay/internal/pgtest"
)

// Two assay team init on one server at once (two teams' schemas, or, on
// a fresh server, go test ./... running the store's, cmd/assay's and
// tui's tests side by side) both find a role missing and both CREATE it.
// The one that loses is told the role exists, or, when both CREATEs are
// under way at the same moment, that the unique index of role names
// refused it (SQLSTATE 23505, "duplicate key value"). Team init took only
// the first for "made meanwhile", and failed on the second, though the
// role it wanted was there: one run in a hundred of three inits at once
// on a fresh server. Here the other CREATE is held open in a transaction
// until this init's own waits on it, so the second case happens every
// time. Roles of a prefix of the test's own stand in for assay_'s, which
// other tests on the server hold.
func TestTeamInitTakesARoleAnotherInitMadeMeanwhile(t *testing.T) {
	dsn := requirePostgres(t)
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	prefix := "race_" + uniqueName("init")[5:] + "_"
	for _, r := range TeamRoles {
		name := prefix + r.Name
		pgtest.MadeLogin(name)
		t.Cleanup(func() { _, _ = admin.Exec(`DROP ROLE IF EXISTS ` + pgx.Identifier{name}.Sanitize()) })
	}
	ctx := context.Background()
	other, err := admin.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Rollback()
	first := prefix + TeamRoles[0].Name
	if _, err := other.Exec(`CREATE ROLE ` + first + ` NOLOGIN`); err != nil {
		t.Fatal(err)
	}

	ta, err := openTeamAdmin(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer ta.close()
	done := make(chan error, 1)
	go func() { done <- ta.makeRoles(ctx, prefix) }()
	// This init's CREATE waits for the other's transaction: end it then.
	for waiting := false; !waiting; {
		if err := admin.QueryRow(`SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query = $1)`,
			`CREATE ROLE `+first+` NOLOGIN`).Scan(&waiting); err != nil {
			t.Fatal(err)
		}
		select {
		case err := <-done:
			t.Fatalf("team init did not wait for the role another was making: %v", err)
		case <-time.After(10 * time.Millisecond):
		}
	}
	if err := other.Commit(); err != nil {
		t.Fatal(err)
	}
	if err := <-done; err != nil {
		t.Fatalf("team init, when another made a role it was making at the same moment: %v", err)
	}
	var n int
	if err := admin.QueryRow(`SELECT COUNT(*) FROM pg_roles WHERE starts_with(rolname, $1) AND NOT rolcanlogin`, prefix).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != len(TeamRoles) {
		t.Errorf("%d of the %d team roles are there after both inits", n, len(TeamRoles))
	}
}
