package store

import (
	"cmp"
	"context"
	"sync"
	"time"

	"github.com/assay-dev/assay/assess"
)

// Live updates: the workspace shows the changes other windows and people
// make as they are made. Every change assay makes appends a signed entry
// to the ledger in the transaction that makes it (ledger.go), so the
// ledger's last entry number says whether the portfolio may have
// changed; the entries after it that commit to an assessment's or
// subject's chain, less those this handle wrote itself, say whether
// someone else changed it (a key registered or a role granted changes
// nothing anyone works on). How a watcher learns that the number moved is what differs: the
// server announces each entry (NOTIFY, postgres_changes.go); a SQLite
// file is looked at often, by one indexed read of the last entry's
// number.

// waiter blocks until the ledger may have grown.
type waiter interface {
	// wait returns when an entry may have been appended, or ctx ended
	// (its error). A lost connection is no error: the watcher looks at
	// the ledger again and waits again.
	wait(ctx context.Context) error
	// following reports whether the waiter hears of every entry now;
	// when it does not, why: nil until an attempt to listen again has
	// failed (a connection lost and found again at once is no news).
	following() (bool, error)
	close()
}

// pollInterval is how often a SQLite file is looked at.
const pollInterval = 300 * time.Millisecond

// poller looks at the file every pollInterval.
type poller struct{ every time.Duration }

func (p poller) wait(ctx context.Context) error { return pause(ctx, p.every) }

func (poller) following() (bool, error) { return true, nil }

func (poller) close() {}

// Watch is the changes others make to the portfolio from now on
// (assess.Changes). Close ends it.
type Watch struct {
	db    *DB
	mu    sync.Mutex // one Next at a time; Close waits for it
	w     waiter
	seq   int64 // the ledger entry reported last
	away  bool  // a Change said others' changes are not followed now
	stop  context.CancelFunc
	ended context.Context
}

var _ assess.Changes = (*Watch)(nil)

// Watch starts watching the portfolio for changes others make.
func (db *DB) Watch(ctx context.Context) (*Watch, error) {
	w, err := db.dialect.waiter(ctx)
	if err != nil {
		return nil, db.failure(err)
	}
	seq, err := db.ledgerSeq(ctx)
	if err != nil {
		w.close()
		return nil, db.failure(err)
	}
	db.own.watch()
	ended, stop := context.WithCancel(context.Background())
	return &Watch{db: db, w: w, seq: seq, stop: stop, ended: ended}, nil
}

// Next waits until others have committed a change the watcher has not
// reported, and reports it. (A write of this handle's that commits just
// as Next looks may be taken for someone else's: the workspace then
// reads again what it already shows.) A failure to read the ledger or to
// listen again (the server restarting, the file busy) is waited out, and
// reported once, as a Change that says why others' changes are not
// followed (Lost); the next Change comes once the watcher listens again
// and has read the ledger, whether or not others wrote meanwhile. Only
// ctx or Close end it.
func (c *Watch) Next(ctx context.Context) (assess.Change, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	defer context.AfterFunc(c.ended, cancel)()
	for {
		if err := ctx.Err(); err != nil {
			return assess.Change{}, err
		}
		seq, err := c.lastSeq(ctx)
		var changes []int64
		if err == nil && seq > c.seq {
			changes, err = c.changesIn(ctx, c.seq, seq)
		}
		if ctx.Err() != nil {
			return assess.Change{}, ctx.Err()
		}
		listening, why := c.w.following()
		switch {
		case err == nil && listening && (seq > c.seq || c.away):
			others := c.db.own.othersAmong(c.seq, seq, changes)
			c.seq = max(c.seq, seq)
			if others > 0 || c.away {
				c.away = false
				return assess.Change{Seq: c.seq, Entries: max(others, 0)}, nil
			}
		case !c.away && (err != nil || why != nil):
			c.away = true
			return assess.Change{Seq: c.seq, Lost: c.db.notFollowing(cmp.Or(err, why))}, nil
		}
		if err := c.w.wait(ctx); err != nil {
			return assess.Change{}, err
		}
	}
}

// Close ends the watch: a Next waiting returns.
func (c *Watch) Close() error {
	c.stop()
	c.mu.Lock()
	defer c.mu.Unlock()
	c.w.close()
	c.db.own.unwatch()
	return nil
}

// lastSeq is ledgerSeq for Next. On the server the answer must come
// within pgAnswerWithin: on a network gone silent the read would
// otherwise wait as long as the watcher's own connection did, and the
// person would not learn that others' changes are not followed.
func (c *Watch) lastSeq(ctx context.Context) (int64, error) {
	ctx, cancel := c.db.dialect.answerWithin(ctx)
	defer cancel()
	return c.db.ledgerSeq(ctx)
}

// changesIn are the numbers of the ledger entries after from up to to
// that change the portfolio: those that commit to a chain an assessment
// or subject keeps (a write; a checkpoint of rows written without
// assay). The others change nothing anyone works on: a key registered,
// a role granted or revoked (assay team grant and revoke append an entry
// with no chain, postgres_grants_seen.go), a verify's record. Within
// pgAnswerWithin on the server, as lastSeq.
func (c *Watch) changesIn(ctx context.Context, from, to int64) ([]int64, error) {
	ctx, cancel := c.db.dialect.answerWithin(ctx)
	defer cancel()
	rows, err := c.db.sql.QueryContext(ctx, changesInQuery, from, to)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var seqs []int64
	for rows.Next() {
		var seq int64
		if err := rows.Scan(&seq); err != nil {
			return nil, err
		}
		seqs = append(seqs, seq)
	}
	return seqs, rows.Err()
}

const changesInQuery = `SELECT seq FROM ledger WHERE seq > ? AND seq <= ? AND kind IN ('write', 'checkpoint') AND leaves <> ''`

// ledgerSeq is the number of the ledger's last entry, 0 if none; its
// error is the driver's (notFollowing words it).
func (db *DB) ledgerSeq(ctx context.Context) (int64, error) {
	var seq int64
	err := db.sql.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM ledger`).Scan(&seq)
	return seq, err
}

// ownEntries are the numbers of the ledger entries this handle wrote
// after the oldest a watch has yet to report: kept only while watched.
type ownEntries struct {
	mu       sync.Mutex
	watchers int
	seqs     map[int64]bool
}

func (o *ownEntries) watch() {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.watchers++
	if o.seqs == nil {
		o.seqs = map[int64]bool{}
	}
}

func (o *ownEntries) unwatch() {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.watchers--; o.watchers <= 0 {
		o.watchers, o.seqs = 0, nil
	}
}

// wrote records entries first to last as this handle's.
func (o *ownEntries) wrote(first, last int64) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.seqs == nil {
		return
	}
	for s := first; s <= last; s++ {
		o.seqs[s] = true
	}
}

// othersAmong counts the entries of changes (after from, up to to) that
// this handle did not write, and forgets its own up to to when one watch
// reads them (a second watch of the same handle may count one of them as
// someone else's: it reads again).
func (o *ownEntries) othersAmong(from, to int64, changes []int64) int64 {
	o.mu.Lock()
	defer o.mu.Unlock()
	var n int64
	for _, s := range changes {
		if s > from && s <= to && !o.seqs[s] {
			n++
		}
	}
	for s := range o.seqs {
		if s <= to && o.watchers == 1 {
			delete(o.seqs, s)
		}
	}
	return n
}

// pause waits d, or until ctx ends (nothing if d is 0).
func pause(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// notFollowing says why the watcher no longer hears of others' changes,
// in words for a status line: no driver's text, no address.
func (db *DB) notFollowing(err error) string { return db.dialect.notFollowing(err) }
