package store

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"github.com/assay-dev/assay/internal/pgtest"
)

// The PostgreSQL half of the tests runs against the server
// $ASSAY_TEST_POSTGRES names (a superuser's connection string: .ci/pg-start
// starts a throwaway one). Without it the half is skipped, saying so;
// with ASSAY_REQUIRE_POSTGRES=1 (CI) it fails instead. Each test gets a
// schema of its own in the database assay_test, so tests run in parallel;
// logins and roles belong to the server and are shared, with the tests
// of any other run on the server too (pgtest.HoldLogin).

// pgTestDatabase is the database the tests' schemas live in.
const pgTestDatabase = "assay_test"

// requirePostgres returns the superuser's connection string, or skips.
func requirePostgres(t testing.TB) string {
	t.Helper()
	return pgtest.Require(t)
}

var pgSetup struct {
	once sync.Once
	err  error
}

// pgAdmin connects as the superuser to the tests' database, creating it
// the first time.
func pgAdmin(t testing.TB) *sql.DB {
	t.Helper()
	dsn := requirePostgres(t)
	pgSetup.once.Do(func() {
		db, err := sql.Open("pgx", dsn)
		if err != nil {
			pgSetup.err = err
			return
		}
		defer db.Close()
		var n int
		if err := db.QueryRow(`SELECT COUNT(*) FROM pg_database WHERE datname = $1`, pgTestDatabase).Scan(&n); err != nil {
			pgSetup.err = err
			return
		}
		if n == 0 {
			// Several test binaries may race to create it.
			if _, err := db.Exec(`CREATE DATABASE ` + pgTestDatabase); err != nil && !isDuplicate(err) {
				pgSetup.err = err
			}
		}
	})
	if pgSetup.err != nil {
		t.Fatal(pgSetup.err)
	}
	db, err := sql.Open("pgx", pgtest.WithParams(t, dsn, pgTestDatabase, nil))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func isDuplicate(err error) bool {
	return strings.Contains(err.Error(), "already exists") || strings.Contains(err.Error(), "duplicate key")
}

// teamSchema sets up a new team schema with assay team init, run as the
// superuser, and drops it when the test ends. It returns the superuser's
// connection string for that schema.
func teamSchema(t testing.TB) string {
	t.Helper()
	return teamSchemaAt(t, "")
}

// teamSchemaAt is teamSchema with the migrations up to version last only
// ("" for all): the database an older assay made.
func teamSchemaAt(t testing.TB, last string) string {
	t.Helper()
	admin := pgAdmin(t)
	var b [6]byte
	_, _ = rand.Read(b[:])
	schema := "t_" + hex.EncodeToString(b[:])
	dsn := pgtest.WithParams(t, requirePostgres(t), pgTestDatabase, map[string]string{"search_path": schema})
	teamInitTo(t, dsn, last)
	t.Cleanup(func() {
		_, _ = admin.Exec(`DROP SCHEMA ` + pgx.Identifier{schema}.Sanitize() + ` CASCADE`)
	})
	// Marked as this run's, so that a sweep drops it should the run be
	// killed before its cleanup (pgtest.DropStaleSchemas).
	if err := pgtest.MarkSchema(context.Background(), admin, schema); err != nil {
		t.Fatal(err)
	}
	return dsn
}

// teamInitTo runs assay team init on dsn's schema up to the migration
// last, or to the newest when last is empty (an upgrade of a schema
// teamSchemaAt left at an older one).
func teamInitTo(t testing.TB, dsn, last string) {
	t.Helper()
	ta, err := openTeamAdmin(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	_, err = ta.init(context.Background(), last)
	ta.close()
	if err != nil {
		t.Fatalf("assay team init: %v", err)
	}
}

// pgLogins guards the logins the tests make. Logins belong to the server,
// not to a schema: dropping a test's schema leaves them, so each test
// that asks teamLogin for one counts as its user, and the last of them to
// end drops it (tests running at once share a name). The contract tests'
// people (testPeople) are made once and serve every test of the run:
// TestMain drops them (dropSharedLogins). It then checks that no login
// was left behind (pgtest.CheckLogins). The names are fixed, and another
// run of these tests on the server (a second go test ./store) uses them
// at the same time: the run holds each login it uses (pgtest.HoldLogin),
// and a drop leaves a login another run holds, to that run's own drop.
var (
	pgLogins     sync.Mutex
	pgLoginUsers = map[string]int{}
	sharedLogins = map[string]bool{}
)

// teamLogin makes sure the server has a login of that name, with password
// testPassword(name), holding exactly the team roles given, and returns
// the connection string it logs in with to the schema of schemaDSN. The
// login is dropped when the last test using it ends.
func teamLogin(t testing.TB, schemaDSN, name string, roles ...string) string {
	t.Helper()
	pgLogins.Lock()
	defer pgLogins.Unlock()
	pgLoginUsers[name]++
	t.Cleanup(func() { releaseLogin(t, name) })
	return makeLogin(t, schemaDSN, name, roles...)
}

// sharedLogin is teamLogin for a login every test of the run may use:
// dropped when the run ends, by TestMain.
func sharedLogin(t testing.TB, schemaDSN, name string, roles ...string) string {
	t.Helper()
	pgLogins.Lock()
	defer pgLogins.Unlock()
	sharedLogins[name] = true
	return makeLogin(t, schemaDSN, name, roles...)
}

// makeLogin does teamLogin's work, with pgLogins held.
func makeLogin(t testing.TB, schemaDSN, name string, roles ...string) string {
	t.Helper()
	if err := pgtest.Reserved(name); err != nil {
		t.Fatal(err)
	}
	pgtest.MadeLogin(name)
	// On the server's own database, not the tests' (pgAdmin): an
	// advisory lock is one database's, and the sweeps of every package
	// (pgtest.DropStaleLogins) take theirs there. Taken in the tests'
	// database, it kept no sweep from dropping a login left by a run
	// gone between its being found here and its being marked as this
	// run's.
	admin, err := sql.Open("pgx", requirePostgres(t))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	ctx := context.Background()
	conn, err := admin.Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Logins belong to the server: test binaries running at once take
	// turns at making them.
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(160016)`); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock(160016)`)
	if err := pgtest.HoldLogin(ctx, openServer, name); err != nil {
		t.Fatal(err)
	}
	ident := pgx.Identifier{name}.Sanitize()
	var n int
	if err := conn.QueryRowContext(ctx, `SELECT COUNT(*) FROM pg_roles WHERE rolname = $1`, name).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n == 0 {
		if _, err := conn.ExecContext(ctx, `CREATE ROLE `+ident+` LOGIN PASSWORD `+quoteLiteral(testPassword(name))); err != nil {
			t.Fatal(err)
		}
	}
	// Made here, or taken from a run still going: marked as this run's
	// either way, so that a sweep drops it only once this run is gone.
	if err := pgtest.MarkLogin(ctx, conn, name); err != nil {
		t.Fatal(err)
	}
	for _, r := range TeamRoles {
		stmt := `REVOKE assay_` + r.Name + ` FROM ` + ident
		for _, want := range roles {
			if want == r.Name {
				stmt = `GRANT assay_` + r.Name + ` TO ` + ident
			}
		}
		if _, err := conn.ExecContext(ctx, stmt); err != nil {
			t.Fatal(err)
		}
	}
	recordTestGrants(t, schemaDSN, name)
	return pgtest.WithParams(t, schemaDSN, "", map[string]string{"user": name, "password": testPassword(name)})
}

// recordTestGrants records in the schema of schemaDSN, through assay's
// own assay_record_grant (signed, since 011, with the superuser's test
// key, which trustTestKeys trusts), the team roles the logins named hold now and
// the recorded ones they no longer hold: the tests grant roles in SQL,
// as a DBA would, and verify names a role held and not recorded (and
// the other way round) once the login acts in the portfolio. A schema
// older than 010 has no record to write.
func recordTestGrants(t testing.TB, schemaDSN string, names ...string) {
	t.Helper()
	db, err := sql.Open("pgx", schemaDSN)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	differs := `SELECT x.login, x.role, CASE WHEN held THEN 'grant' ELSE 'revoke' END FROM (
			SELECT u.rolname AS login, substr(r.rolname, 7) AS role, held,
				COALESCE((SELECT g.action <> 'revoke' FROM team_grants g WHERE g.login = u.rolname AND g.role = substr(r.rolname, 7) ORDER BY g.id DESC LIMIT 1), false) AS recorded
			FROM pg_roles u CROSS JOIN pg_roles r, LATERAL (SELECT EXISTS (SELECT 1 FROM pg_auth_members m WHERE m.member = u.oid AND m.roleid = r.oid) AS held) h
			WHERE u.rolname IN (` + quotedNames(names) + `) AND r.rolname IN ('assay_analyst', 'assay_approver', 'assay_auditor', 'assay_owner')
		) x WHERE x.held <> x.recorded`
	var signed, unsigned bool
	if err := db.QueryRow(`SELECT (to_regprocedure('`+boundRecorder+`') IS NOT NULL OR to_regprocedure('`+signedRecorder+`') IS NOT NULL), to_regproc('assay_record_grant') IS NOT NULL`).Scan(&signed, &unsigned); err != nil {
		t.Fatal(err)
	}
	switch {
	case signed:
		// Signed with the superuser's key, as its assay team grant would.
		ta, err := openTeamAdmin(context.Background(), schemaDSN)
		if err != nil {
			t.Fatal(err)
		}
		defer ta.close()
		ta.key = grantKey(t, schemaDSN)
		tx, err := ta.db.Begin()
		if err != nil {
			t.Fatal(err)
		}
		defer tx.Rollback()
		rows, err := tx.Query(differs)
		if err != nil {
			t.Fatal(err)
		}
		var todo [][3]string
		for rows.Next() {
			var d [3]string
			if err := rows.Scan(&d[0], &d[1], &d[2]); err != nil {
				t.Fatal(err)
			}
			todo = append(todo, d)
		}
		rows.Close()
		tip, err := grantHead(context.Background(), tx, "")
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range todo {
			rec, err := ta.signedGrant(tip, d[0], d[1], d[2])
			if err != nil {
				t.Fatal(err)
			}
			if _, err := tx.Exec(recordGrantStatement(rec)); err != nil {
				t.Fatalf("recording the test logins' grants: %v", err)
			}
			tip = tip.after(rec)
		}
		if err := tx.Commit(); err != nil {
			t.Fatal(err)
		}
	case unsigned: // a schema at 010
		if _, err := db.Exec(`SELECT assay_record_grant(x.login, x.role, x.act) FROM (` + differs + `) x (login, role, act)`); err != nil {
			t.Fatalf("recording the test logins' grants: %v", err)
		}
	}
}

func quotedNames(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quoteLiteral(n)
	}
	return strings.Join(q, ", ")
}

// releaseLogin ends a test's use of the login name, and drops it when no
// other test, of this run or another, is using it. A login that cannot
// be dropped fails the test: it would be left on the server.
func releaseLogin(t testing.TB, name string) {
	pgLogins.Lock()
	defer pgLogins.Unlock()
	if pgLoginUsers[name]--; pgLoginUsers[name] > 0 || sharedLogins[name] {
		return
	}
	delete(pgLoginUsers, name)
	if err := dropLogins(requirePostgres(t), name); err != nil {
		t.Error(err)
	}
}

// dropSharedLogins drops the logins sharedLogin made, once every test has
// ended; it says which it could not drop, and returns code, or 1 then.
func dropSharedLogins(code int) int {
	dsn := os.Getenv("ASSAY_TEST_POSTGRES")
	if dsn == "" || len(sharedLogins) == 0 {
		return code
	}
	if err := dropLogins(dsn, slices.Collect(maps.Keys(sharedLogins))...); err != nil {
		fmt.Fprintf(os.Stderr, "store: %v\n", err)
		return 1
	}
	return code
}

// dropLogins ends this run's use of the logins names and drops each that
// no other run holds (pgtest.DropLogin), on the server's own database,
// with the logins' lock held (makeLogin), as the sweeps do.
func dropLogins(dsn string, names ...string) error {
	admin, err := sql.Open("pgx", dsn)
	if err != nil {
		return fmt.Errorf("dropping the test logins %q: %w", names, err)
	}
	defer admin.Close()
	ctx := context.Background()
	conn, err := admin.Conn(ctx)
	if err != nil {
		return fmt.Errorf("dropping the test logins %q: %w", names, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(160016)`); err != nil {
		return fmt.Errorf("dropping the test logins %q: %w", names, err)
	}
	defer conn.ExecContext(ctx, `SELECT pg_advisory_unlock(160016)`)
	var failed []error
	for _, name := range names {
		if _, err := pgtest.DropLogin(ctx, conn, name); err != nil {
			failed = append(failed, fmt.Errorf("dropping the test login %q: %w", name, err))
		}
	}
	return errors.Join(failed...)
}

// openServer connects to the server as its superuser, for TestMain.
func openServer(dsn string) (*sql.DB, error) { return sql.Open("pgx", dsn) }

func testPassword(name string) string { return "pw-" + hex.EncodeToString([]byte(name)) + "-Zq8" }

func quoteLiteral(s string) string {
	out := []byte{'\''}
	for i := 0; i < len(s); i++ {
		if s[i] == '\'' {
			out = append(out, '\'')
		}
		out = append(out, s[i])
	}
	return string(append(out, '\''))
}

// uniqueName is a login name no other test uses.
func uniqueName(prefix string) string {
	var b [4]byte
	_, _ = rand.Read(b[:])
	return prefix + "-" + hex.EncodeToString(b[:])
}

// rawTeam is the superuser's own connection to a team schema, for
// changing it the way assay never would (the tamper tests).
func rawTeam(t testing.TB, schemaDSN string) *sql.DB {
	t.Helper()
	cfg, err := pgx.ParseConfig(schemaDSN)
	if err != nil {
		t.Fatal(err)
	}
	db := sql.OpenDB(pgConnector{inner: stdlib.GetConnector(*cfg)}) // ? placeholders, as the store's
	db.SetMaxOpenConns(1)                                           // so that SET lasts
	t.Cleanup(func() { db.Close() })
	return db
}
