package store

import (
	"context"
	"database/sql"
	"time"

	"github.com/assay-dev/assay/assess"
)

// AcceptedPlansRecordedSince gives, by assessment ID, for each assessment
// whose plan holds an accepted risk, the time of the latest record of a
// change to its plan made at or after since, or to the plan of the
// assessment it revises (whose records date the revision's acceptances; a
// revision's copies of them are records made when it was started).
// Assessments without such a record are not in the map.
//
// A report made today is dated no earlier than the newest acceptance of
// a risk it shows (assess.JudgedAsReported), which a colleague whose
// clock is ahead may have recorded on a day that has not begun where the
// portfolio is read. An acceptance is dated by the record that set its
// status, so an assessment none of whose plan records is dated after
// today shows no such acceptance: assay overdue and assay list read this
// once for the portfolio and read the acceptances of only the assessments
// it names. Not the rows' updated_at, nor the plan items': a later change
// by someone whose clock is behind sets them back.
//
// Only the records of assessments with an accepted risk (plan_edits,
// small) are read, through the index on (assessment_id, seq): events has
// no index on its time, and scanning every record of a portfolio took
// assay overdue five to fifteen times as long.
func (db *DB) AcceptedPlansRecordedSince(ctx context.Context, since time.Time) (map[int64]time.Time, error) {
	// Records are stamped in UTC as RFC 3339 (DB.stamp), so the text
	// orders as the time does; since, a whole second written without its
	// zone, is before every stamp of that second or after, fraction or not.
	from := since.UTC().Truncate(time.Second).Format("2006-01-02T15:04:05")
	// An accepted item's stored edit (JSON) holds its status as this
	// string; an action or reason quoting it is escaped, and one that
	// matched anyway would only be read for nothing.
	accepted := `%"` + string(assess.ItemAccepted) + `"%`
	latest := map[int64]time.Time{}
	err := db.view(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, acceptedPlansRecordedSinceQuery, accepted, from, accepted, from)
		if err != nil {
			return err
		}
		defer rows.Close()
		var id int64
		var at string
		for rows.Next() {
			if err := rows.Scan(&id, &at); err != nil {
				return err
			}
			latest[id] = parseStamp(at)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return latest, nil
}

// acceptedPlansRecordedSinceQuery is the latest stamp at or after a time
// of the plan records of each assessment with an accepted risk, its own
// and those of the assessment it revises.
const acceptedPlansRecordedSinceQuery = `SELECT x.id, max(x.at) FROM (
		SELECT e.assessment_id AS id, e.at FROM events e
		WHERE e.assessment_id IN (SELECT p.assessment_id FROM plan_edits p WHERE p.edit LIKE ?)
			AND e.kind = 'plan' AND e.at >= ?
		UNION ALL
		SELECT a.id, e.at FROM assessments a JOIN events e ON e.assessment_id = a.revision_of
		WHERE a.id IN (SELECT p.assessment_id FROM plan_edits p WHERE p.edit LIKE ?)
			AND e.kind = 'plan' AND e.at >= ?
	) x GROUP BY x.id`
