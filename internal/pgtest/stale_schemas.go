package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"time"
)

// A test run that is killed also leaves the team schemas its tests made
// (each test drops its own in t.Cleanup, which a killed run never runs):
// a whole assay team database each, tables, functions and ledger, piling
// up run after run in the package's test database. So each schema a
// test makes carries a mark as its logins do, in its comment (COMMENT ON
// SCHEMA), saying which process made it, on which machine, and when; and
// each package's TestMain drops, before its tests, the marked schemas of
// its test database whose maker is gone, by the same rule as logins
// (loginMark.gone). Never one that a session is using (holding a lock on
// one of its tables, or waiting for one: a test still at work, or a
// program a killed run started and left running); the drop waits only a
// moment for a session that starts meanwhile, and then leaves it. Never
// a schema without the mark, whatever its name: a real team's schema on
// a server the tests are pointed at by mistake has none.

// schemaMarkPrefix begins the comment of every schema a test made.
const schemaMarkPrefix = "assay test schema "

// MarkSchema marks the schema name, which a test just made, as this
// process's, so that a sweep after this process is gone drops it
// (DropStaleSchemas). db must be connected to the schema's database.
func MarkSchema(ctx context.Context, db Execer, name string) error {
	return markSchema(ctx, db, name, thisProcess())
}

func markSchema(ctx context.Context, db Execer, name string, m loginMark) error {
	return comment(ctx, db, "SCHEMA", name, schemaMarkPrefix, m)
}

// DropStaleSchemas drops, before a package's tests, the team schemas
// earlier test runs made in database and left behind (killed before
// their cleanup), saying on standard error which it dropped and which
// it could not. A database that is not there yet holds none; a server
// it cannot reach, or no server, is left to the tests to report.
func DropStaleSchemas(pkg, database string, open func(dsn string) (*sql.DB, error)) {
	dsn := os.Getenv("ASSAY_TEST_POSTGRES")
	if dsn == "" {
		return
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return
	}
	u.Path = "/" + database
	db, err := open(u.String())
	if err != nil {
		return
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := db.Conn(ctx)
	if err != nil {
		return // the database is not there: no run has made a schema in it
	}
	defer conn.Close()
	dropped, failed, err := dropStaleSchemas(ctx, conn, time.Now(), thisProcess())
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: could not look for team schemas earlier test runs left in %s: %v\n", pkg, database, err)
		return
	}
	if len(dropped) > 0 {
		fmt.Fprintf(os.Stderr, "%s: dropped the team schemas earlier test runs left in %s (their runs ended before dropping them): %q\n", pkg, database, dropped)
	}
	for name, why := range failed {
		fmt.Fprintf(os.Stderr, "%s: a team schema an earlier test run left in %s could not be dropped: %q: %v\n", pkg, database, name, why)
	}
}

// schemaDropWait is how long the drop of a stale schema waits for a lock
// a session took on it after the sweep looked: that session is using it,
// and it is kept.
const schemaDropWait = "2s"

// dropStaleSchemas is DropStaleSchemas' work on conn, connected to the
// database swept, as of now, seen from the process here. It holds the
// sweeps' lock (160016) in that database while it decides, as dropStale
// does; a caller already holding it on conn keeps it.
func dropStaleSchemas(ctx context.Context, conn *sql.Conn, now time.Time, here loginMark) (dropped []string, failed map[string]error, err error) {
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(160016)`); err != nil {
		return nil, nil, err
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(160016)`)
	// A session using a schema holds, or waits for, a lock on one of its
	// tables (or the schema itself) for as long as its transaction runs.
	stale, err := staleMarked(ctx, conn, `SELECT n.nspname, obj_description(n.oid, 'pg_namespace') FROM pg_namespace n
		WHERE obj_description(n.oid, 'pg_namespace') LIKE $1 || '%'
		AND NOT EXISTS (SELECT 1 FROM pg_locks l
			WHERE l.pid <> pg_backend_pid()
			AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
			AND (l.relation IN (SELECT c.oid FROM pg_class c WHERE c.relnamespace = n.oid)
				OR (l.classid = 'pg_namespace'::regclass AND l.objid = n.oid)))
		ORDER BY 1`, schemaMarkPrefix, now, here)
	if err != nil {
		return nil, nil, err
	}
	failed = map[string]error{}
	if len(stale) == 0 {
		return nil, failed, nil
	}
	if _, err := conn.ExecContext(ctx, `SET lock_timeout = '`+schemaDropWait+`'`); err != nil {
		return nil, nil, err
	}
	defer conn.ExecContext(context.Background(), `RESET lock_timeout`)
	for _, name := range stale {
		if _, err := conn.ExecContext(ctx, `DROP SCHEMA IF EXISTS `+quoteIdent(name)+` CASCADE`); err != nil {
			failed[name] = err
			continue
		}
		dropped = append(dropped, name)
	}
	return dropped, failed, nil
}
