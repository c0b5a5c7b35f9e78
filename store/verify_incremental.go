package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"

	"github.com/assay-dev/assay/assess/ledger"
)

// An incremental verify starts from the latest verify checkpoint signed
// with the verifier's own key (a ledger entry of kind "verified", which
// VerifyOptions.Checkpoint writes after a verify that found everything
// intact). The checkpoint names the last entry that verify checked and
// its hash, and a digest of every owner's latest signed leaf up to it.
// The incremental verify then checks:
//
//   - the schema and every questionnaire snapshot, as a full verify does;
//   - the keys registered up to the checkpoint (each entry's hash, key
//     and signature), that the entry it names still has the hash it
//     names, and every entry after it as a full verify checks entries:
//     numbering, links, hashes, keys, trust, signatures;
//   - every assessment and subject the entries since name, in full;
//   - every other one's row, chain length and chain head against its
//     latest signed leaf, and the digest of those leaves against the
//     checkpoint's: so a row or signed head edited, an owner added or
//     removed behind the ledger, or a chain resealed with new hashes
//     shows.
//
// It does not read again what the checkpoint covers and nothing since
// changed: the audit records, answers, plan edits, sign-offs and stored
// summaries of owners untouched since, and ledger entries before the
// checkpoint other than the keys and the one it names. docs/security.md
// says so. When it finds anything wrong it runs the full verify, which
// names the first break as always.

// incremental runs an incremental verify. done is false when the full
// verify has to run instead, res.FullWhy saying why.
func (v *verifier) incremental(ctx context.Context, trusted *ledger.Keyring) (done bool, err error) {
	cp, note, why, err := v.checkpointOf(ctx, trusted)
	if err != nil || why != "" {
		v.res.FullWhy = why
		return false, err
	}
	fallBack := func(format string, args ...any) (bool, error) {
		v.res.FullWhy = fmt.Sprintf(format, args...)
		return false, nil
	}
	var total int
	if err := v.tx.QueryRowContext(ctx, `SELECT (SELECT COUNT(*) FROM assessments) + (SELECT COUNT(*) FROM subjects)`).Scan(&total); err != nil {
		return false, err
	}
	v.progress.start(total)
	if b, err := v.schema(ctx); err != nil || b != nil {
		return fallBack("the schema changed")
	}
	if b, err := v.grantRecord(ctx, trusted); err != nil || b != nil {
		return fallBack("the record of team grants is not intact")
	}
	if b, err := v.snapshots(ctx); err != nil || b != nil {
		return fallBack("a questionnaire snapshot changed")
	}
	if why, err := v.ledgerSince(ctx, trusted, note); err != nil || why != "" {
		if err != nil {
			return false, err
		}
		return fallBack("%s", why)
	}
	// The checkpoint saw the record of grants as the full verify before
	// it found every entry's view of it holding: from it on is enough.
	// One recorded before checkpoints carried it sends verify back over
	// every entry.
	from := int64(0)
	if note.GrantsSeen != nil {
		from = cp.Seq
	}
	if b, err := v.grantsSeen(ctx, from); err != nil || b != nil {
		if err != nil {
			return false, err
		}
		return fallBack("the record of team grants is not the one the ledger saw")
	}
	// The owners the ledger changed since: checked in full.
	latest := map[string]ledger.Leaf{}
	changed := map[string]bool{}
	for uuid, seen := range v.check.Seen {
		c := assessmentChain
		if seen.Scope == ledger.ScopeSubject {
			c = subjectChain
		}
		var id int64
		err := v.tx.QueryRowContext(ctx, `SELECT id FROM `+c.owner+` WHERE uuid = ?`, uuid).Scan(&id)
		if isNoRows(err) {
			return fallBack("the %s %s, signed since the checkpoint, is gone", seen.Scope, uuid)
		}
		if err != nil {
			return false, err
		}
		b, err := v.readBatch(ctx, c, id-1, true)
		if err != nil {
			return false, err
		}
		if len(b.owners) != 1 {
			return fallBack("the %s %s is not where the ledger says", seen.Scope, uuid)
		}
		r := v.checkOwner(c, b.owners[0])
		if r.err != nil {
			return false, r.err
		}
		if r.brk != nil {
			return fallBack("%s %d changed since the checkpoint and does not verify", chainName(c), id)
		}
		v.res.Records += r.records
		if r.older {
			v.res.OlderScoring++
		}
		changed[uuid] = true
		latest[uuid] = *r.latest
		v.res.Changed++
	}
	// Every owner's row against its latest signed leaf up to the
	// checkpoint, and those leaves against the checkpoint's digest.
	before := map[string]ledger.Leaf{}
	for _, c := range []chain{assessmentChain, subjectChain} {
		why, err := v.ownersAgainst(ctx, c, note.Through, changed, before, latest)
		if err != nil || why != "" {
			if err != nil {
				return false, err
			}
			return fallBack("%s", why)
		}
	}
	if len(before) != note.Count || ledger.OwnersDigest(before) != note.Owners {
		return fallBack("the assessments and subjects signed up to the checkpoint are not the ones it names (one was removed, added or its signed head changed)")
	}
	v.res.Since = cp
	v.res.HashOnly = note.HashOnly
	v.res.Entries, v.res.Checked = v.check.Entries, v.check.Checked
	if v.latest != nil { // a checkpoint is to be recorded
		through, hash := v.check.Head()
		v.note = &ledger.VerifiedNote{Through: through, Hash: hash, Owners: ledger.OwnersDigest(latest), Count: len(latest),
			Since: cp.Seq, Assessments: v.res.Assessments, Subjects: v.res.Subjects, HashOnly: note.HashOnly, GrantsSeen: v.grants}
	}
	return true, nil
}

// checkpointOf finds the latest verify checkpoint signed with the
// verifier's own key, walking back from the ledger's tip. why says why
// there is none to start from.
func (v *verifier) checkpointOf(ctx context.Context, trusted *ledger.Keyring) (*ledger.Entry, ledger.VerifiedNote, string, error) {
	var note ledger.VerifiedNote
	rows, err := v.tx.QueryContext(ctx, `SELECT seq, at, kind, key_id, note, leaves, prev_hash, hash, signature FROM ledger WHERE kind = ? ORDER BY seq DESC`,
		ledger.KindVerified)
	if err != nil {
		return nil, note, "", err
	}
	defer rows.Close()
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			return nil, note, "", err
		}
		if t, ok := trusted.Lookup(e.KeyID); !ok || !t.Own {
			continue
		}
		if note, err = e.VerifiedOf(); err != nil {
			return nil, note, err.Error(), nil
		}
		return e, note, "", nil
	}
	return nil, note, "there is no verify checkpoint of yours in this database", rows.Err()
}

func scanEntry(rows *sql.Rows) (*ledger.Entry, error) {
	var e ledger.Entry
	var listed string
	if err := rows.Scan(&e.Seq, &e.At, &e.Kind, &e.KeyID, &e.Note, &listed, &e.PrevHash, &e.Hash, &e.Signature); err != nil {
		return nil, err
	}
	e.LeafHashes = strings.Fields(listed)
	return &e, nil
}

// ledgerSince checks the keys registered up to the checkpoint, the entry
// it names, and every entry after that one.
func (v *verifier) ledgerSince(ctx context.Context, trusted *ledger.Keyring, note ledger.VerifiedNote) (string, error) {
	rows, err := v.tx.QueryContext(ctx, `SELECT seq, at, kind, key_id, note, leaves, prev_hash, hash, signature FROM ledger
		WHERE kind IN ('genesis', 'key') AND seq <= ? ORDER BY seq`, note.Through)
	if err != nil {
		return "", err
	}
	var keys []*ledger.Entry
	for rows.Next() {
		e, err := scanEntry(rows)
		if err != nil {
			rows.Close()
			return "", err
		}
		e.Leaves = []ledger.Leaf{}
		keys = append(keys, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", err
	}
	var hash string
	err = v.tx.QueryRowContext(ctx, `SELECT hash FROM ledger WHERE seq = ?`, note.Through).Scan(&hash)
	if err != nil && !isNoRows(err) {
		return "", err
	}
	if hash != note.Hash {
		return fmt.Sprintf("ledger entry %d is not the one the checkpoint names", note.Through), nil
	}
	v.check = ledger.NewChecker(trusted)
	if b := v.check.Resume(note.Through, note.Hash, keys); b != nil {
		return b.Error(), nil
	}
	var lb *ledger.Break
	if err := readLedger(ctx, v.tx, note.Through, func(e *ledger.Entry) bool {
		lb = v.check.Add(e)
		return lb == nil
	}); err != nil {
		return "", err
	}
	if lb == nil {
		lb = v.check.Finish()
	}
	if lb != nil {
		return lb.Error(), nil
	}
	v.names = map[string]string{}
	for _, s := range v.check.Signers {
		v.res.Signers = append(v.res.Signers, *s)
		v.names[s.KeyID] = s.Name
	}
	return "", nil
}

// ownersAgainst checks the row, chain length and chain head of every
// owner of chain c not changed since the checkpoint against its latest
// signed leaf up to entry through, and collects those leaves in before
// and the latest leaf of each owner in latest.
func (v *verifier) ownersAgainst(ctx context.Context, c chain, through int64, changed map[string]bool, before, latest map[string]ledger.Leaf) (string, error) {
	after := int64(-1 << 63)
	for {
		b := &ownerBatch{c: c}
		var err error
		if c == assessmentChain {
			err = v.readAssessmentRows(ctx, b, after, false, true)
		} else {
			err = v.readSubjectRows(ctx, b, after, false)
		}
		if err != nil {
			return "", err
		}
		if len(b.owners) == 0 {
			return "", nil
		}
		lo, hi := after+1, b.owners[len(b.owners)-1].id
		finished := finishStates(b.owners) // on the other core while SQLite reads
		leaves, err := v.leavesUpTo(ctx, c, lo, hi, through)
		finished()
		if err != nil {
			return "", err
		}
		for _, o := range b.owners {
			if c == assessmentChain {
				v.res.Assessments++
			} else {
				v.res.Subjects++
			}
			l, signed := leaves[o.leaf.UUID]
			if signed {
				before[o.leaf.UUID] = l
			}
			if changed[o.leaf.UUID] {
				continue
			}
			if !signed {
				return fmt.Sprintf("%s %d is signed nowhere in the ledger", chainName(c), o.id), nil
			}
			if o.stateErr != nil || l != o.leaf {
				return fmt.Sprintf("%s %d is not what the ledger last signed", chainName(c), o.id), nil
			}
			latest[o.leaf.UUID] = l
		}
		v.progress.add(len(b.owners))
		if len(b.owners) < verifyBatchSize {
			return "", nil
		}
		after = hi
	}
}

// finishStates hashes the owners' states on another goroutine; the
// function it returns waits for it.
func finishStates(owners []*ownerRows) (wait func()) {
	var wg sync.WaitGroup
	wg.Go(func() {
		for _, o := range owners {
			o.finishState()
		}
	})
	return wg.Wait
}

// leavesUpTo reads the latest leaf up to entry through of each owner of
// chain c with an id from lo to hi, by UUID.
func (v *verifier) leavesUpTo(ctx context.Context, c chain, lo, hi, through int64) (map[string]ledger.Leaf, error) {
	rows, err := v.tx.QueryContext(ctx, `SELECT l.scope, l.uuid, l.owner_id, l.records, l.head, l.state
		FROM `+c.owner+` o JOIN ledger_leaves l ON l.uuid = o.uuid
		AND l.seq = (SELECT MAX(x.seq) FROM ledger_leaves x WHERE x.uuid = o.uuid AND x.seq <= ?)
		WHERE o.id BETWEEN ? AND ?`, through, lo, hi)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]ledger.Leaf{}
	for rows.Next() {
		var l ledger.Leaf
		if err := rows.Scan(&l.Scope, &l.UUID, &l.ID, &l.Records, &l.Head, &l.State); err != nil {
			return nil, err
		}
		out[l.UUID] = l
	}
	return out, rows.Err()
}

// fullNote is the checkpoint a full verify that found everything intact
// records.
func (v *verifier) fullNote() *ledger.VerifiedNote {
	through, hash := v.check.Head()
	if through == 0 {
		return nil // an empty database: nothing to start from
	}
	return &ledger.VerifiedNote{Through: through, Hash: hash, Owners: ledger.OwnersDigest(v.latest), Count: len(v.latest), Full: true,
		Assessments: v.res.Assessments, Subjects: v.res.Subjects, HashOnly: v.res.HashOnly, GrantsSeen: v.grants}
}

// recordVerified signs and appends a verify checkpoint.
func (db *DB) recordVerified(ctx context.Context, note *ledger.VerifiedNote) (*ledger.Entry, error) {
	if db.readOnly {
		return nil, fmt.Errorf("the verify checkpoint was not recorded: %w", errReadOnly(db.path))
	}
	var e *ledger.Entry
	err := db.tx(ctx, func(tx *sql.Tx) error {
		db.pending.mu.Lock()
		db.pending.of(tx).verified = note
		db.pending.mu.Unlock()
		return nil
	})
	if err != nil {
		// The verify itself ran and found everything intact: the caller
		// says so, then this (a team's auditor, who changes nothing, is
		// refused here by the server).
		return nil, fmt.Errorf("the verify checkpoint was not recorded: %w", err)
	}
	err = db.view(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT seq, at, kind, key_id, note, leaves, prev_hash, hash, signature FROM ledger WHERE kind = ? ORDER BY seq DESC LIMIT 1`,
			ledger.KindVerified)
		if err != nil {
			return err
		}
		defer rows.Close()
		if !rows.Next() {
			return fmt.Errorf("the verify checkpoint was not recorded")
		}
		e, err = scanEntry(rows)
		return err
	})
	return e, err
}
