package store

import (
	"context"
	"database/sql/driver"
	"errors"
	"sync/atomic"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// A save on the server, done as on SQLite, is about ten statements, each
// a round trip to the server and a turn on its cores: lock the row, write
// the answer, append the audit record, store the summary, lock the
// ledger's tip, append the entry, its leaf and state, commit. On a busy
// machine that made a save about four times a bare INSERT and commit at
// the median (docs/performance.md). A save from the save cache sends them all at
// once instead, through pgx's pipeline (pgx.Batch), computed beforehand
// from what the handle knows:
//
//   - the assessment, from the save cache (savecache.go), as on SQLite:
//     the first statement, which stores the new summary and chain head,
//     takes its row lock and raises unless the head is still the cached
//     one;
//   - the ledger's tip, as this handle's last write left it
//     (ledgerCache): the entry is signed on it, and a statement just
//     before the entry takes the tip's lock and raises unless the tip is
//     still that one.
//
// Every check whose failure must stop the commit queued after it is one
// the server makes and raises on (mustAffectOne); an error the server
// raises rolls the whole transaction back, and the save is done again
// from the database (saveAnswers), so a stale cache costs a retry, never
// a wrong write.
// What the server enforces (the triggers of migrations_postgres, grants,
// entries appended one at a time under the tip's lock) it enforces on
// the pipeline's statements as on any others.
//
// When another login has appended to the ledger since this handle last
// did (eight analysts at once, say), the tip is not guessed but read
// under its lock at the end of a first exchange holding the writes, and
// the entry signed on it sent with the commit in a second: the handle
// goes back to signing on its own tip once the tip it reads is the one
// it left.

// pgSave is a save's state on the server: whether this handle's own tip
// was still the ledger's at its last save.
type pgSave struct {
	tipIsOurs atomic.Bool
}

// The statements only the pipeline sends, in PostgreSQL's words.
const (
	// pgCheckTipQuery takes the ledger tip's lock, as every write does
	// before it appends its entry (ledgerTipQuery), and raises unless
	// the tip is the one the entry is signed on.
	pgCheckTipQuery = `SELECT 1 / (count(*) = 1)::int FROM (SELECT seq FROM ledger_tip WHERE seq = $1 AND hash = $2 FOR UPDATE) tip`
)

// mustAffectOne words a write so that the server raises unless it
// changes exactly one row: the client learns the count only once the
// pipeline has run, commit included.
func mustAffectOne(query string) string {
	return `WITH w AS (` + rebind(query) + ` RETURNING 1) SELECT 1 / (count(*) = 1)::int FROM w`
}

var (
	pgUpdateAnswerQuery = mustAffectOne(updateAnswerQuery)
	pgSaveSummaryQuery  = mustAffectOne(saveSummaryQuery)
)

// saveCached saves as to the cached s in one exchange with the server,
// two when another login's entry may be at the ledger's tip. It cannot
// when the handle has written no entry yet, or its key is not known to
// be registered under its login (seal registers it), or in the tests
// that act as many logins with one handle.
func (d *pgDialect) saveCached(ctx context.Context, db *DB, s *saveState, as []assess.Answer, check conflicts) (bool, error) {
	key, err := db.signingKey(ctx)
	last := db.lastTip()
	if d.actAs || err != nil || key == nil || !db.isRegistered(key.Public().ID()) || last.seq == 0 {
		return false, nil
	}
	p, err := db.planSave(ctx, s, as, check)
	if err != nil {
		return true, staleUnlessRefused(err)
	}
	if len(p.writes) == 0 {
		return true, nil
	}
	leaf, state := s.leaf()
	t := &touched{owners: []owner{{assessmentChain, s.id}}}
	// committing: the exchange that ends in the commit is under way; a
	// connection lost before it (the ledger's tip read in a first
	// exchange) lost nothing the server kept. pgx may first prepare the
	// exchange's statements in a round of their own: a loss then is said
	// as one at the commit, which leaves the person to look rather than
	// be told wrongly that nothing was recorded.
	committing := false
	err = db.withPgx(ctx, func(c *pgx.Conn) error {
		b := &pgx.Batch{}
		b.Queue("begin")
		// The summary first: its row lock is the assessment's, which
		// every write takes first, and it raises unless the chain head
		// is the cached one.
		b.Queue(pgSaveSummaryQuery, p.summaryArgs(s)...)
		for _, w := range p.writes {
			q := rebind(answerQueries[w.how])
			if w.how == updateAnswer {
				q = pgUpdateAnswerQuery
			}
			b.Queue(q, w.args...)
			b.Queue(rebind(insertEventQuery(assessmentChain)), eventArgs(w.event)...)
		}
		tip := last
		if d.save.tipIsOurs.Load() {
			b.Queue(pgCheckTipQuery, last.seq, last.hash)
		} else {
			b.Queue(rebind(ledgerTipQuery)).QueryRow(func(r pgx.Row) error { return r.Scan(&tip.seq, &tip.hash) })
			if err := c.SendBatch(ctx, b).Close(); err != nil {
				return err
			}
			// The one point of the save between its writes and its
			// commit: the first exchange's statements have run, inside
			// the transaction it opened, which holds the tip's lock; the
			// entry and the commit are not yet sent. The one-exchange
			// save has none: pgx writes its statements and the Sync that
			// ends them in one flush (Pipeline.Sync), so the server never
			// holds part of it while the client could still stop.
			if cut := db.seams.betweenSaveExchanges; cut != nil {
				cut(func() { _ = c.PgConn().Conn().Close() })
			}
			d.save.tipIsOurs.Store(tip == last)
			b = &pgx.Batch{}
		}
		e := ledger.Entry{Seq: tip.seq + 1, At: db.stamp(), Kind: ledger.KindWrite, PrevHash: tip.hash, Leaves: []ledger.Leaf{leaf}}
		e.Seal(key)
		b.Queue(rebind(insertEntryQuery), entryArgs(&e)...)
		b.Queue(rebind(insertLeafQuery), leafArgs(&e, 0)...)
		if !db.stateStored(leaf.State) {
			b.Queue(rebind(insertStateQuery), leaf.State, string(state))
			t.stored = []string{leaf.State}
		}
		b.Queue("commit")
		t.first, t.sealed = e.Seq, tipState{seq: e.Seq, hash: e.Hash}
		committing = true
		return c.SendBatch(ctx, b).Close()
	})
	if err != nil {
		d.save.tipIsOurs.Store(false)
		var refused *pgconn.PgError
		if !errors.As(err, &refused) {
			// The connection failed, or the caller gave up: the commit
			// may have gone through. Saving again could record the
			// answer twice; the person is told, as after any commit
			// whose outcome is not known.
			if committing && d.commitSent(err) {
				return true, d.lostAtCommit(db.where(), []int64{s.id})
			}
			return true, db.failure(err)
		}
		if d.lockWaitExpired(err) {
			// Another session holds the assessment: saving again from
			// the database would wait as long once more.
			return true, db.heldElsewhere(ctx, owner{assessmentChain, s.id})
		}
		return true, errStale
	}
	db.committed(t)
	return true, nil
}

// withPgx runs fn on a connection of the pool through pgx's own
// interface, outside database/sql's transactions. A transaction fn leaves
// open (it failed half way) is rolled back; a connection that cannot say
// it was is closed rather than put back in the pool.
func (db *DB) withPgx(ctx context.Context, fn func(*pgx.Conn) error) error {
	conn, err := db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	var fnErr error
	err = conn.Raw(func(dc any) error {
		pc := dc.(*pgConn)
		pc.settle()
		c := pc.Conn.Conn()
		fnErr = fn(c)
		if c.PgConn().TxStatus() != 'I' {
			if _, err := c.PgConn().Exec(ctx, "rollback").ReadAll(); err != nil || c.PgConn().TxStatus() != 'I' {
				return driver.ErrBadConn
			}
		}
		return nil
	})
	if fnErr != nil {
		return fnErr
	}
	return err
}
