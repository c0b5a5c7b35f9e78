package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"slices"

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
	standing, _, err := db.explanationsOf(ctx, tx, id)
	return standing, err
}

// explanationsOf is explanations, and beside them the carried ones that
// explain nothing because the assessment they were carried from is not
// linked here (assess.Assessment.CarriedNotHere).
func (db *DB) explanationsOf(ctx context.Context, tx *sql.Tx, id int64) (standing, notHere []assess.Explanation, err error) {
	rows, err := tx.QueryContext(ctx, `SELECT seq, at, actor, kind, target, old_value, new_value, prev_hash, hash FROM events
		WHERE assessment_id = ? AND kind = 'explain' ORDER BY seq`, id)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var out []assess.Explanation
	from := map[int64]int64{} // a carried explanation's record here: its record there
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.Seq, &e.At, &e.Actor, &e.Kind, &e.Target, &e.Old, &e.New, &e.PrevHash, &e.Hash); err != nil {
			return nil, nil, err
		}
		var rec assess.ExplanationRecord
		if e.computeHash() != e.Hash || json.Unmarshal([]byte(e.New), &rec) != nil {
			continue
		}
		x := assess.Explanation{Check: e.Target, Answers: rec.Answers, Text: rec.Text, By: e.Actor, At: parseStamp(e.At), Seq: e.Seq}
		if c := rec.Carried; c != nil {
			x.By, x.At, x.CarriedFrom = c.By, c.At, c.Assessment
			from[e.Seq] = c.Seq
		}
		out = append(out, x)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	rows.Close() // before the next query on tx: one result at a time on a server's connection
	if len(from) == 0 {
		return out, nil, nil
	}
	return db.carriedAsRecorded(ctx, tx, id, out, from)
}

// carriedAsRecorded keeps of explanations (assessment id's) those
// written here, and those carried from the assessment id revises that
// say what its record of them (from, by the record here) says: the
// check, the answers, the text, who and when. A carried record is the
// reviser's, and names another's words: one naming a record that is not
// there, or not what it says, explains nothing, as an edited one does;
// so does one of a revision imported without the assessment it revises,
// which nothing here vouches for: that one is returned in notHere, for
// the reader to be told which did not come across. The assessment
// revised is named by its number here (an imported revision's record
// names the exporter's).
func (db *DB) carriedAsRecorded(ctx context.Context, tx *sql.Tx, id int64, explanations []assess.Explanation, from map[int64]int64) (standing, notHere []assess.Explanation, err error) {
	var revised sql.NullInt64
	if err := tx.QueryRowContext(ctx, `SELECT revision_of FROM assessments WHERE id = ?`, id).Scan(&revised); err != nil {
		return nil, nil, err
	}
	var sources []assess.Explanation
	if revised.Valid {
		if sources, err = db.explanations(ctx, tx, revised.Int64); err != nil {
			return nil, nil, err
		}
	}
	for _, x := range explanations {
		seq, carried := from[x.Seq]
		if carried && !revised.Valid {
			// Said, not dropped in silence: the reader is to know
			// which explanations did not come across, and why.
			x.CarriedFrom = 0
			notHere = append(notHere, x)
			continue
		}
		if carried && !slices.ContainsFunc(sources, func(s assess.Explanation) bool {
			return s.Seq == seq && s.Check == x.Check && s.Text == x.Text && s.By == x.By && s.At.Equal(x.At) && slices.Equal(s.Answers, x.Answers)
		}) {
			continue
		}
		if carried {
			x.CarriedFrom = revised.Int64
		}
		standing = append(standing, x)
	}
	return standing, notHere, nil
}
