package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/assay-dev/assay/assess/export"
	"github.com/assay-dev/assay/assess/ledger"
)

// An export carries two signed heads, the assessment's and its
// subject's, read together when it was made. Each proves itself
// (export.Prove), but not that the two stood together: a subject's older
// head, taken with its record from an older export, passes for the
// newer one's. In the database the export was made from, the ledger says
// which heads stood together: the moment is the later of the two entries
// (an export is made after both), and each must be its chain's latest
// signed head as of it. A forger who moves the moment back, to the
// later of an older pair, gets a file as an export made then would be:
// one that really existed.

// HeadsTogether is what checkHeadsTogether could establish.
type HeadsTogether int

const (
	// HeadsChecked: this database holds the ledger the file was made
	// from, and its heads are their chains' latest at its moment.
	HeadsChecked HeadsTogether = iota
	// HeadsNotHeldHere: the file was exported from another database,
	// whose ledger is not here; each head is proved on its own only.
	HeadsNotHeldHere
)

// checkHeadsTogether checks, where this database holds the ledger the
// file was exported from, that its heads are their chains' latest at the
// later of their two entries. Errors name the head at fault.
func (db *DB) checkHeadsTogether(ctx context.Context, f *export.File, subjectUUID string) (HeadsTogether, error) {
	a, s := f.Head.Assessment, f.Head.Subject
	out := HeadsChecked
	err := db.view(ctx, func(tx *sql.Tx) error {
		held, err := entryHeld(ctx, tx, a.Entry)
		if err != nil || !held {
			out = HeadsNotHeldHere
			return err
		}
		if s != nil {
			// An export's two heads come from one ledger.
			if held, err := entryHeld(ctx, tx, s.Entry); err != nil {
				return err
			} else if !held {
				return notHeld(ctx, tx, s.Entry.Seq, a.Entry.Seq)
			}
		}
		moment := a.Entry.Seq
		if s != nil && s.Entry.Seq > moment {
			moment = s.Entry.Seq
		}
		latest, err := latestLeaf(ctx, tx, a.Leaf.UUID, ledger.ScopeAssessment, moment)
		if err != nil {
			return err
		}
		if latest != nil && !sameHead(*latest, a.Leaf) {
			return fmt.Errorf("head.assessment: is the assessment's signed head of ledger entry %d, but entry %d signed a later one (audit record %d) "+
				"before the subject's head the file carries (entry %d): the two never stood together, the file was changed", a.Entry.Seq, latest.seq, latest.Records, moment)
		}
		if subjectUUID == "" {
			return nil
		}
		latest, err = latestLeaf(ctx, tx, subjectUUID, ledger.ScopeSubject, moment)
		switch {
		case err != nil:
			return err
		case latest == nil && s == nil:
			return nil
		case s == nil:
			return fmt.Errorf("head.subject: is missing, but ledger entry %d signed the subject's head before the assessment's (entry %d): "+
				"an export carries it, with the subject's record; the file was changed", latest.seq, moment)
		case latest != nil && !sameHead(*latest, s.Leaf):
			return fmt.Errorf("head.subject: is the subject's signed head of ledger entry %d, but entry %d signed a later one (its audit record %d) "+
				"before the assessment's head the file carries (entry %d): the file carries an older subject record than the subject had then; the file was changed",
				s.Entry.Seq, latest.seq, latest.Records, moment)
		}
		return nil
	})
	return out, err
}

// HoldsLedgerOf reports whether this database holds the ledger f was
// exported from, where CheckExport places its two signed heads.
func (db *DB) HoldsLedgerOf(ctx context.Context, f *export.File) (bool, error) {
	if f.Head == nil || f.Head.Assessment == nil {
		return false, nil
	}
	var held bool
	err := db.view(ctx, func(tx *sql.Tx) (err error) {
		held, err = entryHeld(ctx, tx, f.Head.Assessment.Entry)
		return err
	})
	return held, err
}

// notHeld is the refusal of a subject head signed in entry seq that this
// database's ledger does not hold, where it holds the assessment's head,
// signed in entry at: a rolled-back ledger, a copy of the database gone
// its own way, or an altered file.
func notHeld(ctx context.Context, tx *sql.Tx, seq, at int64) error {
	var tip int64
	if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM ledger`).Scan(&tip); err != nil {
		return err
	}
	if seq > tip {
		return &LedgerBehindError{Entry: seq, Tip: tip, Assessment: at}
	}
	return fmt.Errorf("head.subject: ledger entry %d here is another than the one that signed it, though this database holds the assessment's head (entry %d): "+
		"an export's two heads come from one ledger, so the file was changed, or this database is a copy that went its own way after the file's assessment head (a backup restored?)", seq, at)
}

// LedgerBehindError is an export whose subject head was signed in a
// ledger entry past this database's last, though the database holds the
// assessment's head: the ledger was rolled back since the file was made
// (a backup restored), or the file was changed.
type LedgerBehindError struct {
	Entry      int64 // the entry that signed the file's subject head
	Tip        int64 // this database's last entry
	Assessment int64 // the entry that signed the file's assessment head
}

func (e *LedgerBehindError) Error() string {
	return fmt.Sprintf("head.subject: is signed in ledger entry %d, but this database's ledger ends at entry %d, though it holds the assessment's head (entry %d): "+
		"it was rolled back since the file was made (a backup restored?), or the file was changed", e.Entry, e.Tip, e.Assessment)
}

// entryHeld reports whether this database's ledger holds entry e, by its
// number and hash: an entry links to all before it, so the ledger up to
// it is the one the file was made from.
func entryHeld(ctx context.Context, tx *sql.Tx, e ledger.Entry) (bool, error) {
	var hash string
	err := tx.QueryRowContext(ctx, `SELECT hash FROM ledger WHERE seq = ?`, e.Seq).Scan(&hash)
	if isNoRows(err) {
		return false, nil
	}
	return err == nil && hash == e.Hash, err
}

// seqLeaf is a signed leaf with the number of its entry.
type seqLeaf struct {
	ledger.Leaf
	seq int64
}

// latestLeaf is the latest leaf of the chain of uuid signed at or before
// entry upTo, nil if none.
func latestLeaf(ctx context.Context, tx *sql.Tx, uuid, scope string, upTo int64) (*seqLeaf, error) {
	l := seqLeaf{Leaf: ledger.Leaf{UUID: uuid, Scope: scope}}
	err := tx.QueryRowContext(ctx, `SELECT seq, records, head, state FROM ledger_leaves WHERE uuid = ? AND scope = ? AND seq <= ? ORDER BY seq DESC, idx DESC LIMIT 1`,
		uuid, scope, upTo).Scan(&l.seq, &l.Records, &l.Head, &l.State)
	if isNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &l, nil
}

// sameHead: two leaves sign the same chain head and state (a checkpoint
// signs again what an earlier entry signed).
func sameHead(a seqLeaf, b ledger.Leaf) bool {
	return a.Records == b.Records && a.Head == b.Head && a.State == b.State
}
