package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// proofOf builds the proof of the latest ledger entry that signed the
// owner with this UUID (assess/ledger.Proof), nil when none did.
func proofOf(ctx context.Context, tx *sql.Tx, uuid string) (*ledger.Proof, error) {
	var seq int64
	var idx int
	err := tx.QueryRowContext(ctx, `SELECT seq, idx FROM ledger_leaves WHERE uuid = ? ORDER BY seq DESC, idx DESC LIMIT 1`, uuid).Scan(&seq, &idx)
	if isNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var e ledger.Entry
	var listed string
	if err := tx.QueryRowContext(ctx, `SELECT seq, at, kind, key_id, note, leaves, prev_hash, hash, signature FROM ledger WHERE seq = ?`, seq).
		Scan(&e.Seq, &e.At, &e.Kind, &e.KeyID, &e.Note, &listed, &e.PrevHash, &e.Hash, &e.Signature); err != nil {
		return nil, fmt.Errorf("ledger entry %d: %w", seq, err)
	}
	e.LeafHashes = strings.Fields(listed)
	l := ledger.Leaf{UUID: uuid}
	if err := tx.QueryRowContext(ctx, `SELECT scope, owner_id, records, head, state FROM ledger_leaves WHERE uuid = ? AND seq = ? AND idx = ?`, uuid, seq, idx).
		Scan(&l.Scope, &l.ID, &l.Records, &l.Head, &l.State); err != nil {
		return nil, err
	}
	var state string
	if err := tx.QueryRowContext(ctx, `SELECT state FROM ledger_states WHERE hash = ?`, l.State).Scan(&state); err != nil {
		return nil, fmt.Errorf("ledger entry %d: the state it signed: %w (run assay verify)", seq, err)
	}
	key, name, err := registeredKey(ctx, tx, e.KeyID)
	if err != nil {
		return nil, err
	}
	return &ledger.Proof{Entry: e, Leaf: l, State: ledger.State(state), Key: key.String(), Signer: name}, nil
}

// registeredKey finds the key the ledger registered under this ID, and
// the name it was registered with.
func registeredKey(ctx context.Context, tx *sql.Tx, id string) (ledger.PublicKey, string, error) {
	var e ledger.Entry
	err := tx.QueryRowContext(ctx, `SELECT seq, kind, note FROM ledger WHERE key_id = ? AND kind IN ('genesis', 'key') ORDER BY seq LIMIT 1`, id).
		Scan(&e.Seq, &e.Kind, &e.Note)
	if isNoRows(err) {
		return nil, "", fmt.Errorf("the ledger registers no key %s (run assay verify)", id)
	}
	if err != nil {
		return nil, "", err
	}
	note, key, ok := e.KeyOf()
	if !ok {
		return nil, "", fmt.Errorf("ledger entry %d does not read as a key's registration (run assay verify)", e.Seq)
	}
	return key, note.Name, nil
}

// currentProof is proofOf for an owner whose latest signed leaf must be
// the chain and the state it has now: a copy made from a database changed
// since its last signed entry would pin a head that is not its content.
func (db *DB) currentProof(ctx context.Context, tx *sql.Tx, o owner) (*ledger.Proof, error) {
	p, _, err := db.matchingProof(ctx, tx, o)
	if err != nil {
		return nil, err
	}
	if p != nil && !p.matches {
		return nil, fmt.Errorf("%s %d is not what ledger entry %d signed: it was changed outside assay (run assay verify)", chainName(o.c), o.id, p.Entry.Seq)
	}
	if p == nil {
		return nil, nil
	}
	return p.Proof, nil
}

// checkedProof is an owner's latest proof, and whether it is the owner
// as it is now.
type checkedProof struct {
	*ledger.Proof
	matches bool
}

// matchingProof returns the owner's latest proof (nil if none signed it)
// and its leaf as it is now.
func (db *DB) matchingProof(ctx context.Context, tx *sql.Tx, o owner) (*checkedProof, ledger.Leaf, error) {
	leaf, state, err := db.leafOf(ctx, tx, o)
	if err != nil {
		return nil, leaf, err
	}
	p, err := proofOf(ctx, tx, leaf.UUID)
	if err != nil || p == nil {
		return nil, leaf, err
	}
	return &checkedProof{p, p.Leaf.Records == leaf.Records && p.Leaf.Head == leaf.Head && p.State == state}, leaf, nil
}

// Pin is assessment id's head as a report records it (assess/ledger.Pin):
// its chain's length and head, and the signed ledger entry that committed
// to them. Entry is 0 when no signed entry is the assessment as it is:
// none yet (Stale 0), or the latest one signed something else (Stale is
// that entry: the assessment was changed outside assay since).
func (db *DB) Pin(ctx context.Context, id int64) (ledger.Pin, error) {
	var pin ledger.Pin
	err := db.view(ctx, func(tx *sql.Tx) (err error) {
		pin, err = db.pinIn(ctx, tx, id)
		return err
	})
	return pin, err
}

// PinnedAssessment is assessment id with its Pin, read in one transaction:
// a report made from it pins exactly the history it shows. Read one after
// the other, a change landing between them pinned a record the report did
// not show, and assay verify --against vouched for it.
func (db *DB) PinnedAssessment(ctx context.Context, id int64) (*assess.Assessment, ledger.Pin, error) {
	a, pin, _, err := db.pinned(ctx, id, false)
	return a, pin, err
}

// pinned reads assessment id and its pin in one view, and, with stamps,
// who set each field of each plan item last and when.
func (db *DB) pinned(ctx context.Context, id int64, stamps bool) (a *assess.Assessment, pin ledger.Pin, st assess.PlanStamps, err error) {
	err = db.view(ctx, func(tx *sql.Tx) (err error) {
		if a, err = db.load(ctx, tx, id); err != nil {
			return err
		}
		if pin, err = db.pinIn(ctx, tx, id); err != nil || !stamps {
			return err
		}
		st, err = db.planStamps(ctx, tx, id, "")
		return err
	})
	return a, pin, st, err
}

func (db *DB) pinIn(ctx context.Context, tx *sql.Tx, id int64) (ledger.Pin, error) {
	p, leaf, err := db.matchingProof(ctx, tx, owner{assessmentChain, id})
	if isNoRows(err) {
		return ledger.Pin{}, notFound(id)
	}
	if err != nil {
		return ledger.Pin{}, err
	}
	if p != nil && p.matches {
		return ledger.PinOf(p.Proof), nil
	}
	pin := ledger.Pin{Assessment: leaf.UUID, Records: leaf.Records, Head: leaf.Head}
	if p != nil {
		pin.Stale = p.Entry.Seq
	}
	return pin, nil
}
