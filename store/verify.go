package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"

	"github.com/assay-dev/assay/assess/ledger"
)

// Break is the first thing verify found wrong: a record of an audit
// chain, a field of an assessment or subject, a ledger entry, the
// schema or a questionnaire snapshot.
type Break struct {
	Chain   string // "assessment", "subject", "ledger", "schema" or "questionnaire snapshot"
	OwnerID int64  // the assessment's or subject's ID; for the ledger, the entry's number
	Seq     int64  // the record's position in its chain, from 1; 0 for the owner as a whole
	EventID int64  // the record's row id, 0 if the record is missing
	Name    string // what Chain names when it has no number: a trigger, a digest
	Reason  string
}

func (b *Break) Error() string {
	switch {
	case b.Chain == "ledger" && b.OwnerID == 0, b.Chain == "schema":
		return b.Chain + ": " + b.Reason
	case b.Chain == "ledger":
		return fmt.Sprintf("ledger entry %d: %s", b.OwnerID, b.Reason)
	case b.Name != "":
		return fmt.Sprintf("%s %s: %s", b.Chain, b.Name, b.Reason)
	case b.Seq == 0:
		return fmt.Sprintf("%s %d: %s", b.Chain, b.OwnerID, b.Reason)
	}
	id := ""
	if b.EventID != 0 {
		id = " (event id " + strconv.FormatInt(b.EventID, 10) + ")"
	}
	return fmt.Sprintf("%s %d, audit record %d%s: %s", b.Chain, b.OwnerID, b.Seq, id, b.Reason)
}

// VerifyResult says what Verify checked and the first break it found.
type VerifyResult struct {
	Assessments int // chains checked
	Subjects    int
	Records     int    // records checked, in intact chains and up to the break
	Broken      *Break // nil when everything checked is intact

	// The ledger: entries checked, who signed them, and the checkpoint
	// signing began with on a database written before it (nil when the
	// database was signed from its creation).
	Entries    int
	Checked    int // entries whose signatures were checked: all, or those naming the assessment
	Signers    []ledger.Signer
	Checkpoint *ledger.Entry
	// HashOnly counts the assessments and subjects whose history up to
	// that checkpoint is hash-chained only.
	HashOnly int
	// OlderScoring counts the assessments whose stored summaries an assay
	// with other scoring rules wrote: they were not scored again.
	OlderScoring int
}

// Verify checks assessment id, or with id 0 the whole database, and stops
// at the first break. It checks, in this order:
//
//   - the schema: the lock triggers and indexes are the ones the
//     migrations made (schema_check.go);
//   - the ledger: numbering, links, hashes, registered and trusted keys,
//     signatures (assess/ledger.Checker); with an id, the signatures of
//     the entries that name the assessment;
//   - each questionnaire snapshot against its SHA-256;
//   - each assessment: its audit chain record by record (edited, removed,
//     added records); its answers, plan edits and signatures against the
//     records that last set them; each field of its row the trail states
//     against the record that states it; its chain and row against every
//     ledger entry that signed them (assess/ledger.CheckOwner); its stored
//     summaries against scoring it again;
//   - with id 0, each subject likewise, records of owners that no longer
//     exist, and owners the ledger names that no longer exist.
func (db *DB) Verify(ctx context.Context, id int64) (VerifyResult, error) {
	var res VerifyResult
	trusted, err := db.trusted()
	if err != nil {
		return res, err
	}
	err = db.view(ctx, func(tx *sql.Tx) error {
		v := &verifier{db: db, tx: tx, res: &res}
		b, err := v.run(ctx, id, trusted)
		res.Broken = b
		return err
	})
	return res, err
}

// verifier is one run of Verify, in one read transaction.
type verifier struct {
	db    *DB
	tx    *sql.Tx
	res   *VerifyResult
	check *ledger.Checker
	names map[string]string // signers' registered names by key ID
}

func (v *verifier) run(ctx context.Context, id int64, trusted *ledger.Keyring) (*Break, error) {
	tx := v.tx
	var ids []int64
	if id != 0 {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM assessments WHERE id = ?`, id).Scan(&n); err != nil {
			return nil, err
		}
		if n == 0 {
			return nil, notFound(id)
		}
		ids = []int64{id}
	} else {
		var err error
		if ids, err = idsOf(ctx, tx, `SELECT id FROM assessments ORDER BY id`); err != nil {
			return nil, err
		}
	}
	if b, err := checkSchemaObjects(ctx, tx); err != nil || b != nil {
		return b, err
	}
	if b, err := v.ledger(ctx, id, trusted); err != nil || b != nil {
		return b, err
	}
	if b, err := v.snapshots(ctx); err != nil || b != nil {
		return b, err
	}
	present := map[string]bool{}
	for _, aid := range ids {
		v.res.Assessments++
		b, err := v.assessment(ctx, aid, present)
		if err != nil || b != nil {
			return b, err
		}
	}
	if id != 0 {
		return nil, nil
	}
	if b, err := orphans(ctx, tx, assessmentChain); err != nil || b != nil {
		return b, err
	}
	sids, err := idsOf(ctx, tx, `SELECT id FROM subjects ORDER BY id`)
	if err != nil {
		return nil, err
	}
	for _, sid := range sids {
		v.res.Subjects++
		b, err := v.subject(ctx, sid, present)
		if err != nil || b != nil {
			return b, err
		}
	}
	if b, err := orphans(ctx, tx, subjectChain); err != nil || b != nil {
		return b, err
	}
	return v.deleted(present), nil
}

// assessment checks one assessment; present collects the UUIDs seen.
func (v *verifier) assessment(ctx context.Context, id int64, present map[string]bool) (*Break, error) {
	n, events, b, err := readChain(ctx, v.tx, assessmentChain, id)
	v.res.Records += n
	if err != nil || b != nil {
		return b, err
	}
	a, err := v.db.load(ctx, v.tx, id)
	if err != nil {
		return nil, err
	}
	trail, err := ledger.ReplayAssessment(records(events))
	if err != nil {
		return &Break{Chain: "assessment", OwnerID: id, Reason: err.Error()}, nil
	}
	if b := verifyState(a, events, trail); b != nil {
		return b, nil
	}
	if b, err := v.row(ctx, owner{assessmentChain, id}, events, trail.Claims, present); err != nil || b != nil {
		return b, err
	}
	old, b, err := v.db.verifyCaches(ctx, v.tx, a)
	if old != "" {
		v.res.OlderScoring++
	}
	return b, err
}

// subject checks one subject; present collects the UUIDs seen.
func (v *verifier) subject(ctx context.Context, id int64, present map[string]bool) (*Break, error) {
	n, events, b, err := readChain(ctx, v.tx, subjectChain, id)
	v.res.Records += n
	if err != nil || b != nil {
		return b, err
	}
	claims, err := ledger.ReplaySubject(records(events))
	if err != nil {
		return &Break{Chain: "subject", OwnerID: id, Reason: err.Error()}, nil
	}
	return v.row(ctx, owner{subjectChain, id}, events, claims, present)
}

// row checks an owner's row against its intact trail and against the
// ledger; present collects the UUIDs seen.
func (v *verifier) row(ctx context.Context, o owner, events []Event, claims map[string]ledger.Claim, present map[string]bool) (*Break, error) {
	leaf, state, err := v.db.leafOf(ctx, v.tx, o)
	if err != nil {
		return nil, err
	}
	present[leaf.UUID] = true
	if b, err := verifyClaims(o, events, claims, state); err != nil || b != nil {
		return b, err
	}
	return v.owner(ctx, o, leaf.UUID, events, state)
}

func chainName(c chain) string {
	if c == subjectChain {
		return "subject"
	}
	return "assessment"
}

// readChain checks one chain record by record and returns how many
// records it read, the records of an intact chain, and the first broken
// record. A record is broken when its hash does not match its content
// (it was edited), when its link to the previous record does not match
// (a record before it was edited or removed), or when it is missing (its
// sequence number is skipped, or the chain is shorter than its head on
// the owner says).
func readChain(ctx context.Context, tx *sql.Tx, c chain, owner int64) (int, []Event, *Break, error) {
	var count int64
	var head string
	if err := tx.QueryRowContext(ctx, `SELECT event_count, event_head FROM `+c.owner+` WHERE id = ?`, owner).Scan(&count, &head); err != nil {
		return 0, nil, nil, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, seq, at, actor, kind, target, old_value, new_value, prev_hash, hash
		FROM `+c.events+` WHERE `+c.fk+` = ? ORDER BY seq, id`, owner)
	if err != nil {
		return 0, nil, nil, err
	}
	var events []Event
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.Seq, &e.At, &e.Actor, &e.Kind, &e.Target, &e.Old, &e.New, &e.PrevHash, &e.Hash); err != nil {
			rows.Close()
			return 0, nil, nil, err
		}
		e.AssessmentID = owner
		events = append(events, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, nil, nil, err
	}
	brk := func(seq, eventID int64, format string, args ...any) *Break {
		return &Break{Chain: chainName(c), OwnerID: owner, Seq: seq, EventID: eventID, Reason: fmt.Sprintf(format, args...)}
	}
	prev := ""
	for i, e := range events {
		want := int64(i + 1)
		switch {
		case e.Seq > want:
			return i, nil, brk(want, 0, "the record is missing (deleted): record %d follows record %d", e.Seq, want-1), nil
		case e.Seq < want:
			return i, nil, brk(e.Seq, e.ID, "the record appears twice"), nil
		}
		if e.computeHash() != e.Hash {
			return i, nil, brk(e.Seq, e.ID, "the record was altered: its hash does not match its content (%s %s by %s at %s)", e.Kind, e.Target, e.Actor, e.At), nil
		}
		if e.PrevHash != prev {
			return i, nil, brk(e.Seq, e.ID, "the record does not follow record %d: its link does not match that record's hash (one of them was altered or replaced)", e.Seq-1), nil
		}
		prev = e.Hash
	}
	n := int64(len(events))
	switch {
	case n < count:
		return len(events), nil, brk(n+1, 0, "the record is missing (deleted): the trail ends at record %d but %d were written", n, count), nil
	case n > count:
		return len(events), nil, brk(count+1, events[count].ID, "the record was added outside assay: the trail should end at record %d", count), nil
	case prev != head:
		return len(events), nil, brk(n, events[n-1].ID, "the last record does not match the head of the trail kept on the %s (it was altered or replaced)", chainName(c)), nil
	}
	return len(events), events, nil, nil
}

// orphans finds a record whose owner no longer exists.
func orphans(ctx context.Context, tx *sql.Tx, c chain) (*Break, error) {
	var eid, owner, seq int64
	err := tx.QueryRowContext(ctx, `SELECT e.id, e.`+c.fk+`, e.seq FROM `+c.events+` e
		WHERE NOT EXISTS (SELECT 1 FROM `+c.owner+` o WHERE o.id = e.`+c.fk+`) ORDER BY e.id LIMIT 1`).Scan(&eid, &owner, &seq)
	if isNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &Break{Chain: chainName(c), OwnerID: owner, Seq: seq, EventID: eid, Reason: fmt.Sprintf("the record belongs to a %s that no longer exists", chainName(c))}, nil
}

func idsOf(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// Events returns the audit trail of an assessment, oldest first.
func (db *DB) Events(ctx context.Context, id int64) ([]Event, error) {
	var out []Event
	err := db.view(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT id, seq, at, actor, kind, target, old_value, new_value, prev_hash, hash
			FROM events WHERE assessment_id = ? ORDER BY seq`, id)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			e := Event{AssessmentID: id}
			if err := rows.Scan(&e.ID, &e.Seq, &e.At, &e.Actor, &e.Kind, &e.Target, &e.Old, &e.New, &e.PrevHash, &e.Hash); err != nil {
				return err
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	return out, err
}
