package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/assay-dev/assay/assess"
)

// undone is what a failure left undone: nothing recorded, by a write;
// nothing read, by a read.
func undone(reading bool) string {
	if reading {
		return "nothing could be read"
	}
	return "nothing was recorded"
}

// worded turns an error from the server into words a person can act on,
// as SQLite's are (failures.go): what happened, what to do, and that
// nothing was recorded (each change is one transaction, which the server
// undoes whole when it fails), or, reading, that nothing could be read.
// No message carries the password.
func (d *pgDialect) worded(where string, err error, reading bool) error {
	if err == nil {
		return nil
	}
	var ce *pgconn.ConnectError
	var pe *pgconn.PgError
	if errors.As(err, &ce) && !errors.Is(err, context.Canceled) {
		if errors.As(err, &pe) {
			// The server answered the connection with a refusal (a
			// wrong password, a database that is not there): it was
			// reached, and no retry lifts the refusal.
			return d.scrub(d.serverError(where, pe, reading), "")
		}
		if dropped(err) {
			// The server was reached, and the connection went away
			// while the pool opened it.
			return d.scrub(d.lost(where, reading), "")
		}
		// Before the context's errors: a connection the server never
		// answered (a network gone silent) ends at the connect timeout
		// as a deadline exceeded, and no connection means nothing sent.
		return d.scrub(d.unreachable(where, err, reading), "")
	}
	var said *assess.Error
	if errors.As(err, &said) || errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return d.scrub(err, "")
	}
	if errors.As(err, &pe) {
		return d.scrub(d.serverError(where, pe, reading), "")
	}
	var ne net.Error
	if errors.As(err, &ne) && !dropped(err) {
		return d.scrub(d.unreachable(where, err, reading), "")
	}
	if d.connectionLost(err) {
		// Lost inside a transaction, or in a commit none of which was
		// sent (run and saveCached say what was): pgx's "conn closed",
		// "unexpected EOF", and the system's "broken pipe" or
		// "connection reset by peer" under a query.
		return d.scrub(d.lost(where, reading), "")
	}
	return d.scrub(err, "")
}

// dropped reports whether err is a connection the server had taken going
// away under assay (ended, reset, or written into once closed): the
// connection was lost. A server never reached (a dial refused, a host not
// found) or silent until assay stopped waiting is one assay cannot reach.
func dropped(err error) bool {
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNABORTED) {
		return true
	}
	var op *net.OpError
	return errors.As(err, &op) && (op.Op == "read" || op.Op == "write") && !op.Timeout()
}

// lost says that the connection to the team database was lost before
// anything was committed: a read's, that nothing could be read; a
// write's, that nothing was recorded.
func (d *pgDialect) lost(where string, reading bool) error {
	if reading {
		return d.lostReading(where)
	}
	return d.lostBeforeCommit(where)
}

// lostBeforeCommit says that the connection to the team database was lost
// before a change was committed, so that the server kept nothing of it.
func (d *pgDialect) lostBeforeCommit(where string) error {
	e := assess.Errorf(assess.EUnavailable, "the connection to the team database %s was lost (the server stopped, or the network to it failed); nothing was recorded, since the server keeps nothing it did not commit: try again once it is back", where)
	e.Brief = "connection to " + d.short + " lost"
	return e
}

// lostReading says that the connection to the team database was lost
// during a read.
func (d *pgDialect) lostReading(where string) error {
	e := assess.Errorf(assess.EUnavailable, "the connection to the team database %s was lost (the server stopped, or the network to it failed), so nothing could be read: try again once it is back", where)
	e.Brief = "connection to " + d.short + " lost"
	return e
}

// unreachable says that the server could not be reached: refused, not
// found, or silent until assay stopped waiting, which pgx words as
// "failed to receive message: timeout: context deadline exceeded";
// reading says whether a read or a write did not happen.
func (d *pgDialect) unreachable(where string, err error, reading bool) error {
	why := dialFailure(err)
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || errors.As(err, &ne) && ne.Timeout() {
		why = "it did not answer in time"
		if d.cfg != nil && d.cfg.ConnectTimeout > 0 {
			why += fmt.Sprintf(" (assay waits %s for a connection: connect_timeout)", d.cfg.ConnectTimeout)
		}
	}
	e := assess.Errorf(assess.EUnavailable, "cannot reach the team database %s: %s; %s. Check that the server runs, the network to it, and the connection string (host, port, sslmode)", where, why, undone(reading))
	e.Brief = "cannot reach " + d.short
	return e
}

// dialFailure is why the server could not be reached, in the system's
// words and naming where assay looked, without pgx's, which name the
// address twice and a socket by its file ("/run/pg/.s.PGSQL.5432
// (/run/pg): dial error: dial unix /run/pg/.s.PGSQL.5432: connect: no
// such file or directory"): "no server listens at /run/pg, port 5432
// (no such file or directory)", "10.0.0.5:5432: connection refused",
// "host db.example.org: no such host". Other failures (TLS, a proxy) keep
// their words.
func dialFailure(err error) string {
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return "host " + dns.Name + ": " + dns.Err
	}
	var op *net.OpError
	if !errors.As(err, &op) || op.Op != "dial" {
		return unwrapConnect(err).Error()
	}
	why := op.Err.Error()
	var sys *os.SyscallError
	if errors.As(op.Err, &sys) {
		why = sys.Err.Error() // without "connect: "
	}
	if unix, ok := op.Addr.(*net.UnixAddr); ok && unix != nil {
		dir, file := filepath.Split(unix.Name)
		if port, ok := strings.CutPrefix(file, ".s.PGSQL."); ok {
			return "no server listens at " + filepath.Clean(dir) + ", port " + port + " (" + why + ")"
		}
		return unix.Name + ": " + why
	}
	if op.Addr != nil {
		return op.Addr.String() + ": " + why
	}
	return why
}

// unwrapConnect is a connection error without pgx's own prefix, which
// repeats the user and database.
func unwrapConnect(err error) error {
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		if inner := errors.Unwrap(ce); inner != nil {
			return inner
		}
	}
	return err
}

// serverError words one of the server's refusals; reading says whether
// a read or a write did not happen, where that is a question.
func (d *pgDialect) serverError(where string, pe *pgconn.PgError, reading bool) error {
	switch {
	case pe.Code == "28P01" || pe.Code == "28000":
		return assess.Errorf(assess.EInternal, "the team database %s refused login %s: %s. assay reads the password from PGPASSFILE, ~/.pgpass or PGPASSWORD; %s%s",
			where, d.loginOr(pe), pe.Message, undone(reading), d.notice)
	case pe.Code == "3D000":
		return assess.Errorf(assess.ENotFound, "%s: %s; %s", where, pe.Message, undone(reading))
	case pe.Code == "42501":
		return d.refused(pe)
	case pe.Code == "42P01" && len(d.heldRoles()) == 0:
		// The server hides the schema from a login without a role.
		return d.lostRoles()
	case pe.Code == "55P03":
		// A lock past lock_timeout that is not an assessment's or a
		// subject's (db.lock names those): the ledger's, a table's.
		return assess.Errorf(assess.EConflict, "another session has held records this change needs for longer than assay waits for them; nothing was recorded: try again once it ends")
	case pe.Code == "40001" || pe.Code == "40P01":
		return assess.Errorf(assess.EConflict, "another person's change to the same records crossed this one; nothing was recorded: try again")
	case pe.Code == "25006":
		return assess.Errorf(assess.EInternal, "%s accepts no changes now (the server is read-only: a standby, or in maintenance); nothing was recorded", where)
	case pe.Code == "53100":
		return assess.Errorf(assess.EInternal, "the disk of the team database's server is full; nothing was recorded. Its administrator must free space")
	case strings.HasPrefix(pe.Code, "08") || strings.HasPrefix(pe.Code, "57P"):
		e := assess.Errorf(assess.EUnavailable, "the connection to the team database %s was lost (%s); %s: try again", where, pe.Message, undone(reading))
		e.Brief = "connection to " + d.short + " lost"
		return e
	case pe.Code == "23514" && pe.ConstraintName == archivedFlagConstraint:
		return archiveFlagRefused(pe)
	case pe.Code == "P0001":
		// assay's own triggers: the lock on approved assessments, the
		// ledger and sign-offs that never change.
		return assess.Errorf(assess.ELocked, "%s", pe.Message)
	}
	return fmt.Errorf("%s", pe.Message)
}

// refused says what the login may not do, and which roles it has.
func (d *pgDialect) refused(pe *pgconn.PgError) error {
	roles := d.heldRoles()
	if len(roles) == 0 {
		return d.lostRoles()
	}
	msg := pe.Message
	if table, ok := strings.CutPrefix(msg, "permission denied for table "); ok {
		msg = "login " + d.login + " may not " + actOn(table)
	} else if !strings.HasPrefix(msg, "only ") {
		// A rule no role lifts (four eyes, naming another login, a
		// key): a grant would change nothing, so none is suggested.
		return assess.Errorf(assess.EInvalid, "%s; nothing was recorded", msg)
	}
	return assess.Errorf(assess.EInvalid, "%s (it has %s); nothing was recorded. An owner grants roles with assay team grant", msg, assess.RoleWords(roles))
}

// actOn is what writing a table means to a person.
func actOn(table string) string {
	switch table {
	case "answers":
		return "answer questions"
	case "plan_edits":
		return "change remediation plans"
	case "signoffs":
		return "sign assessments off"
	case "subjects", "subject_events":
		return "change subjects"
	case "assessments", "questionnaire_snapshots":
		return "create or change assessments"
	case "events", "ledger", "ledger_leaves", "ledger_states", "ledger_tip":
		return "change anything, only read and verify"
	}
	return "change " + table
}

func (d *pgDialect) loginOr(pe *pgconn.PgError) string {
	if d.login != "" {
		return d.login
	}
	if _, user, ok := strings.Cut(pe.Message, "user \""); ok {
		return strings.TrimSuffix(user, "\"")
	}
	return "(unknown)"
}

// lostRoles is the refusal of a login that holds no team role any more
// (revoked, or the login dropped, while assay had the database open).
func (d *pgDialect) lostRoles() error {
	return assess.Errorf(assess.EInvalid, "login %s no longer sees the team's portfolio: it holds no team role now (analyst, approver, auditor or owner); nothing was recorded. An owner grants one with assay team grant %s ROLE", d.login, d.login)
}

// recheckRoles reads the login's roles again after the server refused it
// something or hid a table from it: a role revoked while assay has the
// database open would otherwise be named as still held, and the refusal
// blamed on the wrong cause. A read that fails (the server gone, the
// login dropped) leaves the roles as they were, unless the login no
// longer exists.
func (d *pgDialect) recheckRoles(sqldb *sql.DB, err error) {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || (pe.Code != "42501" && pe.Code != "42P01") {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	roles, rerr := queryColumn(ctx, sqldb, pgRolesQuery)
	if rerr != nil {
		var gone *pgconn.PgError
		// 42704: the login itself was dropped (pg_has_role names it).
		if !errors.As(rerr, &gone) || gone.Code != "42704" {
			return
		}
		roles = nil
	}
	d.mu.Lock()
	d.roles = append([]string{}, roles...)
	d.mu.Unlock()
}

// afterFailure: the roles again, after a refusal (recheckRoles).
func (d *pgDialect) afterFailure(sqldb *sql.DB, err error) { d.recheckRoles(sqldb, err) }

// pgRolesQuery reads the team roles the login holds.
const pgRolesQuery = `SELECT substr(rolname, 7) FROM pg_roles
	WHERE rolname IN ('assay_owner', 'assay_analyst', 'assay_approver', 'assay_auditor')
	AND pg_has_role(session_user, oid, 'MEMBER') ORDER BY 1`

// heldRoles is the login's roles as last read.
func (d *pgDialect) heldRoles() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return append([]string{}, d.roles...)
}

// lockWaitExpired reports whether the server gave up waiting for a lock
// another session holds (lock_timeout, set in connectTeam).
func (*pgDialect) lockWaitExpired(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "55P03"
}

// briefServerName is the server as every message names it, the command
// line's and the workspace's status line alike: the login, the host (the
// port, if not the default) and the database, as in
// ana@db.example.org/privacy. It never holds the password, nor the
// options the connection string carries (search_path, sslmode,
// application_name): they are the setup's, and made the command line's
// message three lines of options around the words that matter. Only a
// connection string assay cannot read is named whole (masked), since it
// has no parts to name and the person must see what they gave.
func briefServerName(cfg *pgx.ConnConfig) string {
	host := cfg.Host
	if cfg.Port != 0 && cfg.Port != 5432 {
		host += ":" + strconv.Itoa(int(cfg.Port))
	}
	return cfg.User + "@" + host + "/" + cfg.Database
}

// A write whose connection is lost once its commit is on its way to the
// server (the server stopped, the network cut, while the server committed
// or answered) was said as "cannot reach the team database …; nothing was
// recorded", of a change the server may have committed. Before the commit
// was sent, that is true: the server keeps nothing of a transaction it
// did not commit. After, assay cannot tell, and says so and how to find
// out. The error stays EUnavailable: the change is one the server may
// lack, which the workspace keeps and makes again once the server answers,
// written over the value it was first given over, so that a change the
// server recorded after all is not written twice.

// commitSent reports whether err, from a write's commit, means the
// connection was lost with the commit sent, or perhaps sent: pgconn says
// SafeToRetry only of a request none of whose bytes left.
func (d *pgDialect) commitSent(err error) bool {
	return d.connectionLost(err) && !pgconn.SafeToRetry(err)
}

// commitLost: lostAtCommit, when the commit was sent (commitSent).
func (d *pgDialect) commitLost(where string, err error) error {
	if !d.commitSent(err) {
		return nil
	}
	return d.lostAtCommit(where, nil)
}

// commitUnknown is a write's error when its connection was lost at the
// commit, worded without what the write touched; tx words it again
// naming the assessments (naming).
type commitUnknown struct {
	said *assess.Error
	d    *pgDialect
}

// naming is the error said again, naming the assessments ids the write
// touched.
func (e *commitUnknown) naming(where string, ids []int64) error { return e.d.lostAtCommit(where, ids) }

func (e *commitUnknown) Error() string { return e.said.Error() }
func (e *commitUnknown) Unwrap() error { return e.said }

// OutcomeUnknown marks the error for assess.OutcomeUnknown.
func (*commitUnknown) OutcomeUnknown() bool { return true }

// lostAtCommit says that the connection to the team database was lost as
// a write was being committed, and how to find out whether the server
// recorded it: the history of each assessment ids names, or, for a write
// on none (a subject's), reading it again.
func (d *pgDialect) lostAtCommit(where string, ids []int64) error {
	find := "reading it again shows whether it is there"
	if len(ids) > 0 {
		look := make([]string, len(ids))
		for i, id := range ids {
			look[i] = "assay history " + strconv.FormatInt(id, 10)
		}
		find = strings.Join(look, ", ") + " shows whether it is there, as the assessment does when the workspace reads it again"
	}
	e := assess.Errorf(assess.EUnavailable, "the connection to the team database %s was lost as this change was being committed (the server stopped, or the network to it failed), so assay cannot tell whether the server recorded it. Once the server is back, %s", where, find)
	e.Brief = "connection to " + d.short + " lost at the commit: the change may be recorded"
	return &commitUnknown{said: e, d: d}
}

// assessmentsOf is the assessments a write touched, for lostAtCommit.
func assessmentsOf(t *touched) []int64 {
	if t == nil {
		return nil
	}
	var ids []int64
	for _, o := range t.owners {
		if o.c == assessmentChain && !slices.Contains(ids, o.id) {
			ids = append(ids, o.id)
		}
	}
	return ids
}
