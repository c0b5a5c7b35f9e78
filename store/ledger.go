package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// The ledger (assess/ledger; migration 005) gets one signed entry per
// write transaction, written just before it commits, that commits to the
// head of every audit chain the transaction appended to and to its
// owner's state. Records reach a chain in one place, insertEvent, which
// notes the chain here; the transaction wrapper (DB.tx) seals the entry.

// touched are the chains a write transaction appended to, in order.
type touched struct {
	owners []owner
	// fresh: each chain's first record in this transaction was its
	// first record ever (the chain began here).
	fresh bool
	// register: the transaction registers the handle's key even if it
	// touches no chain (RegisterKey); checkpoint: it signs a checkpoint
	// of every chain (Checkpoint).
	register, checkpoint bool
	reason               string
	// verified: the transaction signs a verify checkpoint saying this
	// (RecordVerified).
	verified *ledger.VerifiedNote

	// What the save path already knows, so that seal need not read it
	// back (ledger_cache.go): the ledger's tip, and leaves with their
	// states. version is the data version the save validated, 0 if none.
	tip     *tipState
	known   map[owner]knownLeaf
	version int64
	// What seal wrote, for the handle's cache once the write commits, and
	// its place among the handle's seals (ledgerCache.seals).
	sealed  tipState
	sealGen int64
	// first is the number of the first entry seal wrote (changes.go
	// tells a handle's own entries from others').
	first  int64
	stored []string // state hashes now in ledger_states
}

// owner is one chain's owner: an assessment or a subject, by row id.
type owner struct {
	c  chain
	id int64
}

// pending maps each open write transaction to the chains it touched.
type pending struct {
	mu sync.Mutex
	m  map[*sql.Tx]*touched
}

// touch notes that tx appended record seq to the chain of o.
func (db *DB) touch(tx *sql.Tx, o owner, seq int64) {
	db.pending.mu.Lock()
	defer db.pending.mu.Unlock()
	t := db.pending.of(tx)
	for _, x := range t.owners {
		if x == o {
			return
		}
	}
	t.owners = append(t.owners, o)
	if seq != 1 {
		t.fresh = false
	}
}

// of returns tx's touched chains, creating the record; call it locked.
func (p *pending) of(tx *sql.Tx) *touched {
	if p.m == nil {
		p.m = map[*sql.Tx]*touched{}
	}
	t := p.m[tx]
	if t == nil {
		t = &touched{fresh: true}
		p.m[tx] = t
	}
	return t
}

// touchedOf returns tx's touched chains, for the save path to tell seal
// what it knows.
func (db *DB) touchedOf(tx *sql.Tx) *touched {
	db.pending.mu.Lock()
	defer db.pending.mu.Unlock()
	return db.pending.of(tx)
}

// untouch forgets tx's chains and returns them.
func (db *DB) untouch(tx *sql.Tx) *touched {
	db.pending.mu.Lock()
	defer db.pending.mu.Unlock()
	t := db.pending.m[tx]
	delete(db.pending.m, tx)
	return t
}

// The ledger's statements, prepared with the save path's.
const (
	ledgerTipQuery       = `SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1`
	ledgerKeyQuery       = `SELECT COUNT(*) FROM ledger WHERE key_id = ? AND kind IN ('genesis', 'key')`
	keyHolderQuery       = `SELECT seq, note FROM ledger WHERE key_id = ? AND kind IN ('genesis', 'key') ORDER BY seq LIMIT 1`
	insertEntryQuery     = `INSERT INTO ledger (seq, at, kind, key_id, note, leaves, prev_hash, hash, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	insertLeafQuery      = `INSERT INTO ledger_leaves (uuid, seq, idx, scope, owner_id, records, head, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
	insertStateQuery     = `INSERT OR IGNORE INTO ledger_states (hash, state) VALUES (?, ?)`
	assessmentStateQuery = `SELECT a.uuid, COALESCE(s.uuid, ''), a.subject, a.subject_kind, a.reviewer, a.snapshot_digest, a.assessed_on,
		a.deadlines, a.status, a.archived, a.revision, COALESCE(r.uuid, ''), a.event_count, a.event_head
		FROM assessments a LEFT JOIN subjects s ON s.id = a.subject_id LEFT JOIN assessments r ON r.id = a.revision_of
		WHERE a.id = ?`
	subjectStateQuery = `SELECT uuid, name, kind, owner, contacts, tier, notes, event_count, event_head FROM subjects WHERE id = ?`
)

var ledgerQueries = []string{ledgerTipQuery, ledgerKeyQuery, keyHolderQuery, insertEntryQuery, insertLeafQuery, insertStateQuery, assessmentStateQuery, subjectStateQuery}

// seal writes the ledger entry of the chains tx touched, signed with the
// handle's key. The first entry of a database is its genesis; on a
// database written before signing began, the genesis is followed by a
// checkpoint of every chain (their history so far is hash-chained only)
// instead of this transaction's own entry. A key not yet registered in
// the database is registered first.
func (db *DB) seal(ctx context.Context, tx *sql.Tx, t *touched) error {
	if t == nil || (len(t.owners) == 0 && !t.register && !t.checkpoint && t.verified == nil) {
		return nil
	}
	key, err := db.signingKey(ctx)
	if err != nil {
		// The transaction rolls back: say so, as every refused write does.
		return fmt.Errorf("signing this change: %w; nothing was recorded", err)
	}
	t.sealGen = db.sealing()
	var seq int64
	var prev string
	if t.tip != nil {
		seq, prev = t.tip.seq, t.tip.hash
	} else if err := db.queryRow(ctx, tx, ledgerTipQuery).Scan(&seq, &prev); err != nil && !isNoRows(err) {
		return err
	}
	now := db.stamp()
	t.first = seq + 1
	next := func(kind, note string, leaves []ledger.Leaf) error {
		seq++
		e := ledger.Entry{Seq: seq, At: now, Kind: kind, Note: note, PrevHash: prev, Leaves: leaves}
		e.Seal(key)
		if err := db.insertEntry(ctx, tx, &e); err != nil {
			return err
		}
		prev = e.Hash
		t.sealed = tipState{seq: seq, hash: prev}
		return nil
	}
	// A key registered on a team database records the record of grants
	// as it stands (postgres_grants_seen.go): once per login, never on a
	// save of a login whose key is registered.
	grantsSeen := func() (*ledger.GrantsSeen, error) { return db.grantsSeenNow(ctx, tx) }
	if seq == 0 {
		seen, err := grantsSeen()
		if err != nil {
			return err
		}
		keyNote := ledger.KeyNote{Database: assess.NewUUID(), Name: db.actor(ctx), GrantsSeen: seen}
		if key != nil {
			keyNote.Key = key.Public().String()
		}
		if err := next(ledger.KindGenesis, ledger.NoteJSON(keyNote), nil); err != nil {
			return err
		}
		older, err := db.olderChains(ctx, tx, t)
		if err != nil {
			return err
		}
		if older != nil && !t.checkpoint {
			t.checkpoint, t.reason = true, "signing began on a database written before it"
		}
	} else if key != nil && !db.isRegistered(key.Public().ID()) {
		var n int
		if err := db.queryRow(ctx, tx, ledgerKeyQuery, key.Public().ID()).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			db.markRegistered(key.Public().ID())
		} else if err := db.keyIsFree(ctx, tx, key); err != nil {
			return err
		} else if seen, err := grantsSeen(); err != nil {
			return err
		} else if err := next(ledger.KindKey, ledger.NoteJSON(ledger.KeyNote{Name: db.actor(ctx), Key: key.Public().String(), GrantsSeen: seen}), nil); err != nil {
			return err
		}
	}
	if t.checkpoint {
		all, err := db.allOwners(ctx, tx)
		if err != nil {
			return err
		}
		leaves, err := db.leavesOf(ctx, tx, t, all)
		if err != nil {
			return err
		}
		note := ledger.CheckpointNote{Reason: t.reason + ": the history of every chain up to here is hash-chained only"}
		return next(ledger.KindCheckpoint, ledger.NoteJSON(note), leaves)
	}
	if t.verified != nil {
		return next(ledger.KindVerified, ledger.NoteJSON(*t.verified), nil)
	}
	if len(t.owners) == 0 {
		return nil
	}
	leaves, err := db.leavesOf(ctx, tx, t, t.owners)
	if err != nil {
		return err
	}
	return next(ledger.KindWrite, "", leaves)
}

// keyIsFree refuses to register key for the actor when the ledger has it
// registered for someone else: a key belongs to one person (verify breaks
// at such an entry, and the team server refuses it). A file registers a
// key once, whoever writes after, so this finds nothing there; on a team
// database it is a person working under a second login with the key of
// the first (the name their file, moved there, registered it under).
func (db *DB) keyIsFree(ctx context.Context, tx *sql.Tx, key *ledger.PrivateKey) error {
	var e ledger.Entry
	e.Kind = ledger.KindKey
	err := db.queryRow(ctx, tx, keyHolderQuery, key.Public().ID()).Scan(&e.Seq, &e.Note)
	if isNoRows(err) {
		return nil
	}
	if err != nil {
		return err
	}
	note, _, _ := e.KeyOf()
	if note.Name == db.actor(ctx) {
		return nil
	}
	who := db.actor(ctx)
	return assess.Errorf(assess.EConflict, "your signing key %s is registered in %s for %q (ledger entry %d), and a key belongs to one person: "+
		"it cannot sign as %q too; nothing was recorded. Work as %q, or give %q a key of its own with assay key new, "+
		"which keeps the old one trusted (docs/security.md, Keys)",
		key.Public().ID(), db.path, note.Name, e.Seq, who, note.Name, who)
}

// Checkpoint signs a checkpoint of every chain and owner as they are,
// saying why (a tool that wrote rows without assay, as store/synth does).
// Verify then reports their history before it as hash-chained only.
func (db *DB) Checkpoint(ctx context.Context, reason string) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		db.pending.mu.Lock()
		defer db.pending.mu.Unlock()
		t := db.pending.of(tx)
		t.checkpoint, t.reason = true, reason
		return nil
	})
}

// RegisterKey registers the handle's signing key in the database's ledger
// if it is not there yet (on a database written before signing began,
// with the genesis and the checkpoint of every chain), and returns the
// entry that registers it.
func (db *DB) RegisterKey(ctx context.Context) (ledger.Entry, error) {
	key, err := db.signingKey(ctx)
	if err != nil {
		return ledger.Entry{}, err
	}
	if key == nil {
		return ledger.Entry{}, fmt.Errorf("no signing key to register")
	}
	var e ledger.Entry
	err = db.tx(ctx, func(tx *sql.Tx) error {
		db.pending.mu.Lock()
		db.pending.of(tx).register = true
		db.pending.mu.Unlock()
		return nil
	})
	if err != nil {
		return e, err
	}
	err = db.view(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT seq, at, kind, key_id, note FROM ledger WHERE key_id = ? AND kind IN ('genesis', 'key') ORDER BY seq LIMIT 1`,
			key.Public().ID()).Scan(&e.Seq, &e.At, &e.Kind, &e.KeyID, &e.Note)
	})
	return e, err
}

// LedgerStarted reports whether the database's ledger has an entry: a
// team database holds none until a portfolio arrives (assay migrate
// --to, which copies only into a database whose ledger is empty) or a
// first change is made there.
func (db *DB) LedgerStarted(ctx context.Context) (bool, error) {
	var started bool
	err := db.view(ctx, func(tx *sql.Tx) error {
		return tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM ledger)`).Scan(&started)
	})
	return started, err
}

// RegisteredKeys lists the keys the ledger registers, with the entry that
// registers each, oldest first.
func (db *DB) RegisteredKeys(ctx context.Context) ([]ledger.Entry, error) {
	var out []ledger.Entry
	err := db.view(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT seq, at, kind, key_id, note FROM ledger WHERE kind IN ('genesis', 'key') ORDER BY seq`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e ledger.Entry
			if err := rows.Scan(&e.Seq, &e.At, &e.Kind, &e.KeyID, &e.Note); err != nil {
				return err
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, err
}

// olderChains returns every owner in the database when it holds a chain
// that did not begin in this transaction (a database written before
// signing began), nil when every chain began in it.
func (db *DB) olderChains(ctx context.Context, tx *sql.Tx, t *touched) ([]owner, error) {
	all, err := db.allOwners(ctx, tx)
	if err != nil || (t.fresh && len(all) == len(t.owners)) {
		return nil, err
	}
	return all, nil
}

// allOwners lists every subject and assessment.
func (db *DB) allOwners(ctx context.Context, tx *sql.Tx) ([]owner, error) {
	var all []owner
	for _, c := range []chain{subjectChain, assessmentChain} {
		ids, err := idsOf(ctx, tx, `SELECT id FROM `+c.owner+` ORDER BY id`)
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			all = append(all, owner{c, id})
		}
	}
	return all, nil
}

func (db *DB) insertEntry(ctx context.Context, tx *sql.Tx, e *ledger.Entry) error {
	if _, err := db.exec(ctx, tx, insertEntryQuery, entryArgs(e)...); err != nil {
		return err
	}
	ledgerEntryWritten()
	for i := range e.Leaves {
		if _, err := db.exec(ctx, tx, insertLeafQuery, leafArgs(e, i)...); err != nil {
			return err
		}
	}
	return nil
}

// ledgerEntryWritten is called inside a write's transaction once a
// ledger entry's row is written, before its leaves: a binary built for
// tests stops there (stop_hooks.go), to be killed with the entry half
// made. For the writes that are a ledger entry and nothing else (a key
// registered, a verify checkpoint) it is the one point inside them.
var ledgerEntryWritten = func() {}

// entryArgs are insertEntryQuery's arguments for e.
func entryArgs(e *ledger.Entry) []any {
	hashes := make([]string, len(e.Leaves))
	for i, l := range e.Leaves {
		hashes[i] = l.Hash()
	}
	return []any{e.Seq, e.At, e.Kind, e.KeyID, e.Note, strings.Join(hashes, " "), e.PrevHash, e.Hash, e.Signature}
}

// leafArgs are insertLeafQuery's arguments for e's leaf i.
func leafArgs(e *ledger.Entry, i int) []any {
	l := e.Leaves[i]
	return []any{l.UUID, e.Seq, i, l.Scope, l.ID, l.Records, l.Head, l.State}
}

// leavesOf reads each owner's chain head and state (unless the save path
// gave them), stores the states not stored yet and returns the leaves.
func (db *DB) leavesOf(ctx context.Context, tx *sql.Tx, t *touched, owners []owner) ([]ledger.Leaf, error) {
	leaves := make([]ledger.Leaf, 0, len(owners))
	for _, o := range owners {
		k, ok := t.known[o]
		if !ok {
			var err error
			if k.leaf, k.state, err = db.leafOf(ctx, tx, o); err != nil {
				return nil, err
			}
		}
		if !db.stateStored(k.leaf.State) {
			if _, err := db.exec(ctx, tx, insertStateQuery, k.leaf.State, string(k.state)); err != nil {
				return nil, err
			}
			t.stored = append(t.stored, k.leaf.State)
		}
		leaves = append(leaves, k.leaf)
	}
	return leaves, nil
}

// leafOf reads one owner's chain head and state as they are in tx.
func (db *DB) leafOf(ctx context.Context, tx *sql.Tx, o owner) (ledger.Leaf, ledger.State, error) {
	l := ledger.Leaf{ID: o.id}
	var state ledger.State
	switch o.c {
	case assessmentChain:
		var s ledger.AssessmentState
		var deadlines string
		var archived int
		err := db.queryRow(ctx, tx, assessmentStateQuery, o.id).Scan(&s.UUID, &s.SubjectUUID, &s.Subject, &s.SubjectKind, &s.Reviewer,
			&s.Digest, &s.AssessedOn, &deadlines, &s.Status, &archived, &s.Revision, &s.RevisionOf, &l.Records, &l.Head)
		if err != nil {
			return l, "", fmt.Errorf("assessment %d: %w", o.id, err)
		}
		if err := json.Unmarshal([]byte(deadlines), &s.Deadlines); err != nil {
			return l, "", unreadable("assessment", o.id, "deadlines", err)
		}
		s.Archived = assess.ArchiveFlag(archived).Archived()
		l.Scope, l.UUID, state = ledger.ScopeAssessment, s.UUID, ledger.AssessmentStateOf(s)
	default:
		var s ledger.SubjectState
		var contacts string
		err := db.queryRow(ctx, tx, subjectStateQuery, o.id).Scan(&s.UUID, &s.Name, &s.Kind, &s.Owner, &contacts, &s.Tier, &s.Notes, &l.Records, &l.Head)
		if err != nil {
			return l, "", fmt.Errorf("subject %d: %w", o.id, err)
		}
		if err := json.Unmarshal([]byte(contacts), &s.Contacts); err != nil {
			return l, "", unreadable("subject", o.id, "contacts", err)
		}
		l.Scope, l.UUID, state = ledger.ScopeSubject, s.UUID, ledger.SubjectStateOf(s)
	}
	l.State = state.Hash()
	return l, state, nil
}
