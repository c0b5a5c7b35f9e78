package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/assay-dev/assay/assess"
)

// Explain records why the answers consistency check reads on assessment
// id both stand: an explain audit record (assess.ExplainKind) naming the
// check, with the answers the check reads now and the text, under the
// actor in ctx (the login, on a team's database, whose server lets only
// an analyst write one: migration 009). It is refused when the check
// does not hold or the assessment is approved (assess.NewExplanation).
func (db *DB) Explain(ctx context.Context, id int64, check, text string) (*assess.Assessment, error) {
	return db.changeLocked(ctx, id, func(tx *sql.Tx, a *assess.Assessment) error {
		rec, err := assess.NewExplanation(a, check, text)
		if err != nil {
			return err
		}
		return db.appendEvent(ctx, tx, id, assess.ExplainKind, check, nil, rec)
	})
}

// explanations reads assessment id's explain records, oldest first (the
// partial index events_explain, migrations 007 and 009, finds them
// without reading its other records). A record that no longer matches
// its own hash was changed after it was written: it explains nothing
// (assay verify names it), so a hand-edited row cannot let a submission
// through.
func (db *DB) explanations(ctx context.Context, tx *sql.Tx, id int64) ([]assess.Explanation, error) {
	rows, err := tx.QueryContext(ctx, `SELECT seq, at, actor, kind, target, old_value, new_value, prev_hash, hash FROM events
		WHERE assessment_id = ? AND kind = 'explain' ORDER BY seq`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []assess.Explanation
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.Seq, &e.At, &e.Actor, &e.Kind, &e.Target, &e.Old, &e.New, &e.PrevHash, &e.Hash); err != nil {
			return nil, err
		}
		var rec assess.ExplanationRecord
		if e.computeHash() != e.Hash || json.Unmarshal([]byte(e.New), &rec) != nil {
			continue
		}
		out = append(out, assess.Explanation{Check: e.Target, Answers: rec.Answers, Text: rec.Text, By: e.Actor, At: parseStamp(e.At), Seq: e.Seq})
	}
	return out, rows.Err()
}
