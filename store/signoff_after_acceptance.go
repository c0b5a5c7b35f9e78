package store

import (
	"context"
	"database/sql"

	"github.com/assay-dev/assay/assess"
)

// acceptancesSigned is, for a submission, approval or rejection of a, the
// day the trail recorded each risk acceptance of its plan, as the report
// dates them (assess.AcceptedOn): the step signs the plan with those
// acceptances in it, so it may not be dated before them
// (assess.AcceptanceSignOffDateRefused). A withdrawal signs nothing of
// the plan: nil.
func (db *DB) acceptancesSigned(ctx context.Context, tx *sql.Tx, a *assess.Assessment, action assess.Action) (map[string]assess.Date, error) {
	if action != assess.ActSubmit && action != assess.ActApprove && action != assess.ActReject {
		return nil, nil
	}
	stamps, err := db.planStamps(ctx, tx, a.ID, "")
	if err != nil {
		return nil, err
	}
	return assess.AcceptedOn(assess.Evaluate(a, assess.DateOf(db.Now())), stamps), nil
}
