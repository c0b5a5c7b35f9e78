package store

import (
	"context"
	"database/sql"

	"github.com/assay-dev/assay/assess"
)

// reviewSteps reads the steps of the review of each assessment of refs,
// in the order they were given, for its state on an earlier day
// (assess.AssessmentRef.StatusOn): assay due --as-of. One query for the
// whole history, as history reads it.
func (db *DB) reviewSteps(ctx context.Context, tx *sql.Tx, refs []*assess.Assessment) (map[int64][]assess.ReviewStep, error) {
	wanted := make(map[int64]bool, len(refs))
	for _, a := range refs {
		wanted[a.ID] = true
	}
	steps := map[int64][]assess.ReviewStep{}
	if len(wanted) == 0 {
		return steps, nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT assessment_id, role, signed_on, decision FROM signoffs ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var id int64
	var role, on, decision string
	for rows.Next() {
		if err := rows.Scan(&id, &role, &on, &decision); err != nil {
			return nil, err
		}
		if !wanted[id] {
			continue
		}
		day, err := assess.ParseDate(on)
		if err != nil {
			return nil, unreadable("assessment", id, "sign-off date", err)
		}
		if step, ok := assess.ReviewStepOf(assess.SignOff{Role: role, On: day, Decision: decision}); ok {
			steps[id] = append(steps[id], step)
		}
	}
	return steps, rows.Err()
}
