package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"strconv"

	"github.com/assay-dev/assay/assess"
)

// appendEvent adds a record to the assessment's audit chain: its hash
// covers its own fields and the previous record's hash, and the chain's
// head is kept on the assessment so that removing the last record shows.
func (db *DB) appendEvent(ctx context.Context, tx *sql.Tx, id int64, kind, target string, oldV, newV any) error {
	var count int64
	var head string
	if err := tx.QueryRowContext(ctx, `SELECT event_count, event_head FROM assessments WHERE id = ?`, id).Scan(&count, &head); err != nil {
		return err
	}
	oldJ, err := canonical(oldV)
	if err != nil {
		return err
	}
	newJ, err := canonical(newV)
	if err != nil {
		return err
	}
	e := Event{AssessmentID: id, Seq: count + 1, At: db.stamp(), Actor: assess.ActorFrom(ctx), Kind: kind, Target: target, Old: oldJ, New: newJ, PrevHash: head}
	e.Hash = e.computeHash()
	if _, err := tx.ExecContext(ctx, `INSERT INTO events (assessment_id, seq, at, actor, kind, target, old_value, new_value, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, e.AssessmentID, e.Seq, e.At, e.Actor, e.Kind, e.Target, e.Old, e.New, e.PrevHash, e.Hash); err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE assessments SET event_count = ?, event_head = ? WHERE id = ?`, e.Seq, e.Hash, id)
	return err
}

// Event is one record of the audit trail.
type Event struct {
	AssessmentID int64  `json:"-"`
	Seq          int64  `json:"seq"`
	At           string `json:"at"`
	Actor        string `json:"actor"`
	Kind         string `json:"kind"`
	Target       string `json:"target"`
	Old          string `json:"old"`
	New          string `json:"new"`
	PrevHash     string `json:"prev_hash"`
	Hash         string `json:"hash"`
}

// computeHash hashes every field but the hash itself, length-prefixed so
// that no two different records can run together into the same bytes.
func (e Event) computeHash() string {
	h := sha256.New()
	for _, f := range []string{strconv.FormatInt(e.Seq, 10), e.At, e.Actor, e.Kind, e.Target, e.Old, e.New, e.PrevHash} {
		h.Write([]byte(strconv.Itoa(len(f))))
		h.Write([]byte{':'})
		h.Write([]byte(f))
	}
	return hex.EncodeToString(h.Sum(nil))
}

func canonical(v any) (string, error) {
	if v == nil {
		return "", nil
	}
	b, err := json.Marshal(v)
	return string(b), err
}
