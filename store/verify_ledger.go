package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// ledger checks the ledger entry by entry (assess/ledger.Checker). With an
// assessment's id, every entry's numbering, link and hash are checked, and
// the keys and signatures of the entries that name the assessment.
func (v *verifier) ledger(ctx context.Context, id int64, trusted *ledger.Keyring) (*Break, error) {
	v.check = ledger.NewChecker(trusted)
	if id != 0 {
		var uuid string
		if err := v.tx.QueryRowContext(ctx, `SELECT uuid FROM assessments WHERE id = ?`, id).Scan(&uuid); err != nil {
			return nil, err
		}
		seqs, err := idsOf(ctx, v.tx, `SELECT seq FROM ledger_leaves WHERE uuid = ?`, uuid)
		if err != nil {
			return nil, err
		}
		only := map[int64]bool{}
		for _, s := range seqs {
			only[s] = true
		}
		v.check.Only = func(seq int64) bool { return only[seq] }
	}
	var lb *ledger.Break
	err := readLedger(ctx, v.tx, 0, func(e *ledger.Entry) bool {
		lb = v.check.Add(e)
		return lb == nil
	})
	if err != nil {
		return nil, err
	}
	if lb == nil {
		lb = v.check.Finish()
	}
	v.res.Entries, v.res.Checked = v.check.Entries, v.check.Checked
	v.names = map[string]string{}
	for _, s := range v.check.Signers {
		v.res.Signers = append(v.res.Signers, *s)
		v.names[s.KeyID] = s.Name
	}
	v.res.Checkpoint = v.check.Checkpoint
	for _, s := range v.check.Seen {
		if s.FirstKind == ledger.KindCheckpoint && s.FirstRecords > 0 {
			v.res.HashOnly++
		}
	}
	if lb != nil {
		return &Break{Chain: "ledger", OwnerID: lb.Entry, Reason: lb.Reason, Untrusted: lb.Untrusted, Signer: lb.Signer}, nil
	}
	if v.check.Entries == 0 {
		var as, ss int
		if err := v.tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM assessments), (SELECT COUNT(*) FROM subjects)`).Scan(&as, &ss); err != nil {
			return nil, err
		}
		if as+ss > 0 {
			return &Break{Chain: "ledger", Reason: fmt.Sprintf("the database holds %s and %s but no signed ledger: "+
				"it was written by an assay from before signing (run assay key to sign a checkpoint of it as it is), or its ledger was deleted",
				assess.Count(as, "assessment", "assessments"), assess.Count(ss, "subject", "subjects"))}, nil
		}
	}
	return nil, nil
}

// readLedger reads every entry after entry after with its leaves, in
// order, until fn returns false.
func readLedger(ctx context.Context, tx *sql.Tx, after int64, fn func(*ledger.Entry) bool) error {
	rows, err := tx.QueryContext(ctx, `SELECT seq, at, kind, key_id, note, leaves, prev_hash, hash, signature FROM ledger WHERE seq > ? ORDER BY seq`, after)
	if err != nil {
		return err
	}
	defer rows.Close()
	leaves, err := tx.QueryContext(ctx, `SELECT seq, scope, uuid, owner_id, records, head, state FROM ledger_leaves WHERE seq > ? ORDER BY seq, idx`, after)
	if err != nil {
		return err
	}
	defer leaves.Close()
	var pendingLeaf *ledger.Leaf
	var pendingSeq int64
	nextLeaf := func() error {
		pendingLeaf = nil
		if !leaves.Next() {
			return leaves.Err()
		}
		var l ledger.Leaf
		if err := leaves.Scan(&pendingSeq, &l.Scope, &l.UUID, &l.ID, &l.Records, &l.Head, &l.State); err != nil {
			return err
		}
		pendingLeaf = &l
		return nil
	}
	if err := nextLeaf(); err != nil {
		return err
	}
	for rows.Next() {
		var e ledger.Entry
		var listed string
		if err := rows.Scan(&e.Seq, &e.At, &e.Kind, &e.KeyID, &e.Note, &listed, &e.PrevHash, &e.Hash, &e.Signature); err != nil {
			return err
		}
		e.LeafHashes = strings.Fields(listed)
		// Leaves of no entry are skipped: nothing reads them.
		for pendingLeaf != nil && pendingSeq < e.Seq {
			if err := nextLeaf(); err != nil {
				return err
			}
		}
		e.Leaves = []ledger.Leaf{}
		for pendingLeaf != nil && pendingSeq == e.Seq {
			e.Leaves = append(e.Leaves, *pendingLeaf)
			if err := nextLeaf(); err != nil {
				return err
			}
		}
		if !fn(&e) {
			return nil
		}
	}
	return rows.Err()
}

// owner checks one owner's chain and state against every ledger entry
// that signed them (assess/ledger.CheckOwner).
func (v *verifier) owner(o owner, rows *ownerRows, events []Event) *Break {
	if v.check.Entries == 0 {
		return nil // reported once, for the whole database
	}
	reason := ledger.CheckOwner(ledger.Owner{Scope: chainName(o.c), ID: o.id, UUID: rows.leaf.UUID, Chain: records(events), State: rows.state},
		rows.signed, rows.states)
	if reason == "" {
		return nil
	}
	return &Break{Chain: chainName(o.c), OwnerID: o.id, Reason: reason}
}

// deleted finds an owner the ledger signed that no longer exists.
func (v *verifier) deleted(present map[string]bool) *Break {
	var gone []*ledger.Seen
	for uuid, s := range v.check.Seen {
		if !present[uuid] {
			gone = append(gone, s)
		}
	}
	if len(gone) == 0 {
		return nil
	}
	sort.Slice(gone, func(i, j int) bool { return gone[i].Last < gone[j].Last })
	s := gone[0]
	return &Break{Chain: "ledger", OwnerID: s.Last, Reason: fmt.Sprintf("the %s %s (was %s %d, with %s) is signed here but no longer in the database: it was deleted outside assay",
		s.Scope, s.UUID, s.Scope, s.ID, assess.Count(int(s.Records), "audit record", "audit records"))}
}
