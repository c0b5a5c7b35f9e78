package store

import (
	"context"
	"database/sql"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// asSubmitted reads what the answers and plan items changed since an
// assessment's submission were as submitted, from the records that follow
// the submission's sign-off in its trail (seq after the signed state's
// last record). The trail is hashed and signed, and its order is the
// order of the writes, so neither a machine's clock nor a time edited
// beside an answer can move a change to before the submission.
func (db *DB) asSubmitted(ctx context.Context, tx *sql.Tx, id int64, submission assess.SignOff) (*assess.AsSubmitted, error) {
	rows, err := tx.QueryContext(ctx, `SELECT kind, target, old_value FROM events
		WHERE assessment_id = ? AND seq > ? AND kind IN ('answer', 'plan') ORDER BY seq`, id, submission.Seq)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var after []ledger.Record
	for rows.Next() {
		var r ledger.Record
		if err := rows.Scan(&r.Kind, &r.Target, &r.Old); err != nil {
			return nil, err
		}
		after = append(after, r)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return ledger.AsSubmitted(after), nil
}
