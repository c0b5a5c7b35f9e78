package store

import (
	"context"
	"database/sql"

	"github.com/assay-dev/assay/assess"
)

// SignedThrough gives, by assessment ID, the day of the latest sign-off
// its plan and report may show: its own latest (a DPO opinion included)
// or, for a revision, the latest of the assessment it revises, whichever
// is later. Assessments nobody signed are not in the map.
//
// assess.JudgedOn judges an assessment on the day of the latest sign-off
// it shows while the day asked for is before it, and a list row carries
// no sign-offs, so a portfolio-wide check (assay overdue) reads them here
// in one query instead of loading every assessment. For a revision the
// day is a bound, never short of the one it shows: the assessment it
// revises is locked from its approval on, so its latest sign-off is that
// approval. The row's updated_at would not do: a DPO opinion is signed
// without touching it.
func (db *DB) SignedThrough(ctx context.Context) (map[int64]assess.Date, error) {
	days := map[int64]assess.Date{}
	err := db.view(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, signedThroughQuery)
		if err != nil {
			return err
		}
		defer rows.Close()
		var id int64
		var on string
		for rows.Next() {
			if err := rows.Scan(&id, &on); err != nil {
				return err
			}
			d, err := assess.ParseDate(on)
			if err != nil {
				return unreadable("assessment", id, "sign-off date", err)
			}
			days[id] = d
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return days, nil
}

// signedThroughQuery is the latest signed_on of each assessment's own
// sign-offs and those of the assessment it revises. signed_on is written
// YYYY-MM-DD, so the latest text is the latest day, on either store.
const signedThroughQuery = `SELECT x.id, max(x.signed_on) FROM (
		SELECT s.assessment_id AS id, s.signed_on FROM signoffs s
		UNION ALL
		SELECT a.id, s.signed_on FROM assessments a JOIN signoffs s ON s.assessment_id = a.revision_of
	) x GROUP BY x.id`
