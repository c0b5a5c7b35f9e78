package store

import (
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// The server announces every ledger entry on the channel of its team's
// schema (migrations_postgres/001_team.sql, assay_ledger_appended). A
// watcher listens on a connection of its own, outside the pool, and
// connects again when the connection is lost; whatever was announced
// meanwhile it finds by reading the ledger's last entry number again
// (changes.go), so nothing is missed.

// A network that goes away without closing the connection (a laptop on
// a train, a firewall that forgets idle flows, a VPN that drops) leaves
// a watcher waiting for an announcement that cannot come, with nothing
// to read and no error. So after pgCheckEvery of silence the watcher
// asks the server for an answer; one that does not come within
// pgAnswerWithin counts as a lost connection.
var (
	pgCheckEvery   = 20 * time.Second
	pgAnswerWithin = 5 * time.Second
)

// pgListener is one watcher's connection to the server.
type pgListener struct {
	cfg     *pgx.ConnConfig
	channel string
	conn    *pgx.Conn
	retry   time.Duration // how long to wait before connecting again
	failed  error         // the last attempt to listen again, if it failed
}

func (d *pgDialect) waiter(ctx context.Context) (waiter, error) {
	l := &pgListener{cfg: d.cfg}
	if err := l.connect(ctx); err != nil {
		return nil, err
	}
	return l, nil
}

// connect opens the connection and listens on the team's channel.
func (l *pgListener) connect(ctx context.Context) error {
	conn, err := pgx.ConnectConfig(ctx, l.cfg) // within cfg.ConnectTimeout
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, pgAnswerWithin)
	defer cancel()
	if l.channel == "" {
		var schema string
		if err := conn.QueryRow(ctx, `SELECT current_schema()`).Scan(&schema); err != nil {
			conn.Close(ctx)
			return err
		}
		l.channel = "assay." + schema
	}
	if _, err := conn.Exec(ctx, `LISTEN `+pgx.Identifier{l.channel}.Sanitize()); err != nil {
		conn.Close(ctx)
		return err
	}
	l.conn, l.retry, l.failed = conn, 0, nil
	return nil
}

// wait returns at the next announcement, after pgCheckEvery of silence
// (the server answering when asked), or once the connection is lost (an
// error, or the server not answering); after a lost connection, once
// connected again (or after a pause, if the server is still away).
func (l *pgListener) wait(ctx context.Context) error {
	if l.conn == nil {
		if err := pause(ctx, l.retry); err != nil {
			return err
		}
		if err := l.connect(ctx); err != nil && ctx.Err() == nil {
			l.retry = min(max(2*l.retry, 250*time.Millisecond), 10*time.Second)
			l.failed = err
			if listenFailedHook != nil {
				listenFailedHook()
			}
		}
		return ctx.Err()
	}
	err := l.listen(ctx)
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case err != nil && err != errSilent:
		l.drop()
	}
	// After a silence the server answered, too: the watcher then reads
	// the ledger again. A read that failed while this connection worked
	// (the server slow to answer, the table held) left the watch saying
	// it is not following; only reading again finds that it follows, and
	// what was announced while it did not listen. Waiting for the next
	// announcement instead said "not following" until someone wrote.
	return nil
}

// listenFailedHook, set by tests only, runs after each attempt to listen
// again that failed: a test of what the watch says while the server is
// away waits for attempts, not for a while.
var listenFailedHook func()

// errSilent is pgCheckEvery gone by with no announcement, and the server
// answering when asked.
var errSilent = errors.New("no announcement")

// listen waits for the next announcement, pgCheckEvery at most; then the
// server must answer within pgAnswerWithin.
func (l *pgListener) listen(ctx context.Context) error {
	quiet, cancel := context.WithTimeout(ctx, pgCheckEvery)
	_, err := l.conn.WaitForNotification(quiet)
	cancel()
	if err == nil || ctx.Err() != nil || quiet.Err() == nil {
		return err
	}
	asked, cancel := context.WithTimeout(ctx, pgAnswerWithin)
	defer cancel()
	if err := l.conn.Ping(asked); err != nil {
		return err
	}
	return errSilent
}

// drop closes a connection that failed; on a silent network, without
// waiting longer than for an answer.
func (l *pgListener) drop() {
	ctx, cancel := context.WithTimeout(context.Background(), pgAnswerWithin)
	defer cancel()
	l.conn.Close(ctx)
	l.conn = nil
}

func (l *pgListener) following() (bool, error) { return l.conn != nil, l.failed }

func (l *pgListener) close() {
	if l.conn != nil {
		l.drop()
	}
}

// pgNotFollowing words why a watcher cannot hear the server: out of
// reach (refused, no such socket, timed out), or there but failing.
// answerWithin: a read that waited as long as the watcher's connection
// on a network gone silent would hide that changes are not followed.
func (*pgDialect) answerWithin(ctx context.Context) (context.Context, context.CancelFunc) {
	return context.WithTimeout(ctx, pgAnswerWithin)
}

func (*pgDialect) notFollowing(err error) string { return pgNotFollowing(err) }

func pgNotFollowing(err error) string {
	var ce *pgconn.ConnectError
	var ne net.Error
	var pe *pgconn.PgError
	switch {
	case errors.As(err, &pe) && (strings.HasPrefix(pe.Code, "57P") || strings.HasPrefix(pe.Code, "08")):
		return "the team database shut down or is restarting"
	case errors.As(err, &pe) && (pe.Code == "42501" || pe.Code == "42P01"):
		return "this login may no longer read the portfolio"
	case errors.As(err, &ce) || errors.As(err, &ne) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return "the team database cannot be reached"
	}
	return "the connection to the team database failed"
}
