package store

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
)

// Break is the first broken record of an audit chain.
type Break struct {
	Chain   string // "assessment" or "subject"
	OwnerID int64  // the assessment's or subject's ID
	Seq     int64  // the record's position in its chain, from 1
	EventID int64  // the record's row id, 0 if the record is missing
	Reason  string
}

func (b *Break) Error() string {
	if b.Seq == 0 {
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
	Broken      *Break // nil when every chain is intact
}

// Verify checks the audit chain of assessment id, or with id 0 every
// assessment's and every subject's chain, stopping at the first broken
// record. A record is broken when its hash does not match its content
// (it was edited), when its link to the previous record does not match
// (a record before it was edited or removed), or when it is missing (its
// sequence number is skipped, or the chain is shorter than its head on
// the assessment says). A record whose assessment no longer exists is
// broken too.
func (db *DB) Verify(ctx context.Context, id int64) (VerifyResult, error) {
	var res VerifyResult
	err := db.view(ctx, func(tx *sql.Tx) error {
		var ids []int64
		if id != 0 {
			var n int
			if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM assessments WHERE id = ?`, id).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				return notFound(id)
			}
			ids = []int64{id}
		} else {
			var err error
			if ids, err = idsOf(ctx, tx, `SELECT id FROM assessments ORDER BY id`); err != nil {
				return err
			}
		}
		for _, aid := range ids {
			res.Assessments++
			n, events, b, err := readChain(ctx, tx, assessmentChain, aid)
			res.Records += n
			if err == nil && b == nil {
				b, err = db.verifyState(ctx, tx, aid, events)
			}
			if err != nil || b != nil {
				res.Broken = b
				return err
			}
		}
		if id != 0 {
			return nil
		}
		if b, err := orphans(ctx, tx, assessmentChain); err != nil || b != nil {
			res.Broken = b
			return err
		}
		sids, err := idsOf(ctx, tx, `SELECT id FROM subjects ORDER BY id`)
		if err != nil {
			return err
		}
		for _, sid := range sids {
			res.Subjects++
			n, b, err := verifyChain(ctx, tx, subjectChain, sid)
			res.Records += n
			if err != nil || b != nil {
				res.Broken = b
				return err
			}
		}
		b, err := orphans(ctx, tx, subjectChain)
		res.Broken = b
		return err
	})
	return res, err
}

func chainName(c chain) string {
	if c == subjectChain {
		return "subject"
	}
	return "assessment"
}

// verifyChain checks one chain record by record and returns how many
// records it read and the first broken one.
func verifyChain(ctx context.Context, tx *sql.Tx, c chain, owner int64) (int, *Break, error) {
	n, _, b, err := readChain(ctx, tx, c, owner)
	return n, b, err
}

// readChain checks one chain and returns its records as well.
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

func idsOf(ctx context.Context, tx *sql.Tx, query string) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, query)
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
