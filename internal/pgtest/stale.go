package pgtest

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
)

// A test run that is killed (go test's -timeout, a CI job cancelled, ctrl+c
// twice) runs no t.Cleanup and no TestMain after its tests: the logins it
// made stay on the server, and pile up run after run. So each login a
// test makes carries a mark, in its comment (COMMENT ON ROLE, which any
// database of the server reads), saying which process made it, on which
// machine, and when; and each package's TestMain drops, before its tests,
// the marked logins whose maker is gone:
//
//   - made on this machine since it booted, by a process that no longer
//     runs; or
//   - made more than StaleAfter ago, wherever (a process on another
//     machine, whose life cannot be checked from here), which no run
//     lasts: CI gives a package's tests 30 minutes (.ci/run), go test 10.
//
// Never one with a session open (its tests are still connected), nor one
// a run still going holds (HoldLogin: a name several runs share), and
// never a login without the mark, whatever its name: a real person's
// login on a server the tests are pointed at by mistake has none. go test
// ./... runs the store's, cmd/assay's and tui's tests at once on one
// server: each package's logins are marked by its own live process, so
// no package's sweep takes another's.

// StaleAfter is how old a marked login must be before a sweep drops it
// when its maker's life cannot be checked.
const StaleAfter = 3 * time.Hour

// loginMarkPrefix begins the comment of every login a test made.
const loginMarkPrefix = "assay test login "

// loginMark is what the comment says of the login's maker.
type loginMark struct {
	Host string    `json:"host"`
	Boot string    `json:"boot"` // the machine's boot, on Linux
	PID  int       `json:"pid"`
	Made time.Time `json:"made"`
}

// Execer is a connection or pool a login is marked through.
type Execer interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// MarkLogin marks the login name, which a test just made (or, for a login
// tests share, just took), as this process's, so that a sweep after this
// process is gone drops it (DropStaleLogins). name is quoted here.
func MarkLogin(ctx context.Context, db Execer, name string) error {
	return markLogin(ctx, db, name, thisProcess())
}

func markLogin(ctx context.Context, db Execer, name string, m loginMark) error {
	return comment(ctx, db, "ROLE", name, loginMarkPrefix, m)
}

// comment writes m, after prefix, as the comment on the object of kind
// (ROLE, SCHEMA) called name.
func comment(ctx context.Context, db Execer, kind, name, prefix string, m loginMark) error {
	b, err := json.Marshal(m)
	if err != nil {
		return err
	}
	text := strings.ReplaceAll(prefix+string(b), "'", "''")
	_, err = db.ExecContext(ctx, `COMMENT ON `+kind+` `+quoteIdent(name)+` IS '`+text+`'`)
	return err
}

// thisProcess is the mark of a login this process makes now.
func thisProcess() loginMark {
	host, _ := os.Hostname()
	return loginMark{Host: host, Boot: bootID(), PID: os.Getpid(), Made: time.Now().UTC()}
}

// bootID names the machine's current boot (Linux), "" elsewhere: a
// process ID means the same process only within one boot.
func bootID() string {
	b, err := os.ReadFile("/proc/sys/kernel/random/boot_id")
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(b))
}

// gone reports whether the maker m names is known no longer to run, or
// the login it made is older than any run lasts.
func (m loginMark) gone(now time.Time, here loginMark) bool {
	if now.Sub(m.Made) > StaleAfter {
		return true
	}
	if m.Host != here.Host || m.Boot == "" || m.Boot != here.Boot || m.PID <= 0 {
		return false // another machine, or one whose processes cannot be told apart
	}
	return processGone(m.PID)
}

// DropStaleLogins drops, before a package's tests, the logins earlier
// test runs made and left behind (killed before their cleanup), saying
// on standard error which it dropped and which it could not. It takes
// the lock the tests take to make logins (160016), so that no run takes
// or marks a login while it decides. A server it cannot reach, or no
// server, is left to the tests to report.
func DropStaleLogins(pkg string, open func(dsn string) (*sql.DB, error)) {
	dsn := os.Getenv("ASSAY_TEST_POSTGRES")
	if dsn == "" {
		return
	}
	db, err := open(dsn)
	if err != nil {
		return
	}
	defer db.Close()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	conn, err := db.Conn(ctx)
	if err != nil {
		return
	}
	defer conn.Close()
	dropped, failed, err := dropStale(ctx, conn, time.Now(), thisProcess())
	if err != nil {
		fmt.Fprintf(os.Stderr, "%s: could not look for logins earlier test runs left on the server: %v\n", pkg, err)
		return
	}
	if len(dropped) > 0 {
		fmt.Fprintf(os.Stderr, "%s: dropped the logins earlier test runs left on the server (their runs ended before dropping them): %q\n", pkg, dropped)
	}
	for name, why := range failed {
		fmt.Fprintf(os.Stderr, "%s: a login an earlier test run left on the server could not be dropped: %q: %v\n", pkg, name, why)
	}
}

// dropStale is DropStaleLogins' work on conn, as of now, seen from the
// process here. The lock is a session's and counts: a caller already
// holding it on conn keeps it after this (a test that makes stale-looking
// logins holds it from their making to their sweep, so that another
// package's sweep, running at once on the server, cannot take them first).
func dropStale(ctx context.Context, conn *sql.Conn, now time.Time, here loginMark) (dropped []string, failed map[string]error, err error) {
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock(160016)`); err != nil {
		return nil, nil, err
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock(160016)`)
	stale, err := staleMarked(ctx, conn, `SELECT r.rolname, shobj_description(r.oid, 'pg_authid') FROM pg_roles r
		WHERE shobj_description(r.oid, 'pg_authid') LIKE $1 || '%'
		AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.usename = r.rolname)
		AND NOT `+heldSQL("r.rolname")+`
		ORDER BY 1`, loginMarkPrefix, now, here)
	if err != nil {
		return nil, nil, err
	}
	failed = map[string]error{}
	for _, name := range stale {
		if _, err := conn.ExecContext(ctx, `DROP ROLE IF EXISTS `+quoteIdent(name)); err != nil {
			failed[name] = err
			continue
		}
		dropped = append(dropped, name)
	}
	return dropped, failed, nil
}

// quoteIdent quotes name as an SQL identifier.
func quoteIdent(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

// staleMarked runs query, which lists names and their comments for
// comments starting with prefix (its one argument), and returns the
// names whose mark says their maker is gone. A comment that is not a
// mark this code wrote is left alone, whatever it says.
func staleMarked(ctx context.Context, conn *sql.Conn, query, prefix string, now time.Time, here loginMark) ([]string, error) {
	rows, err := conn.QueryContext(ctx, query, prefix)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var stale []string
	for rows.Next() {
		var name, comment string
		if err := rows.Scan(&name, &comment); err != nil {
			return nil, err
		}
		var m loginMark
		if json.Unmarshal([]byte(strings.TrimPrefix(comment, prefix)), &m) != nil {
			continue
		}
		if m.gone(now, here) {
			stale = append(stale, name)
		}
	}
	return stale, rows.Err()
}
