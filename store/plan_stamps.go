package store

import (
	"context"
	"database/sql"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// PlanFieldStamps reads who set each field of plan item key of assessment
// id last, and when, from the item's records in the trail, as a refused
// change names them: the workspace, holding a conflict on the item open,
// names whoever has changed it again since.
func (db *DB) PlanFieldStamps(ctx context.Context, id int64, key string) (map[assess.PlanField]assess.FieldStamp, error) {
	var set map[assess.PlanField]assess.FieldStamp
	err := db.view(ctx, func(tx *sql.Tx) error {
		var err error
		set, err = db.planFieldsSet(ctx, tx, id, key)
		return err
	})
	return set, err
}

// PinnedPlanStamps is PinnedAssessment with, read in the same view, who
// set each field of each plan item last and when: the OSCAL documents
// date a moved deadline and an accepted risk by the change's record, which
// the item's stored edit does not keep.
func (db *DB) PinnedPlanStamps(ctx context.Context, id int64) (*assess.Assessment, ledger.Pin, assess.PlanStamps, error) {
	return db.pinned(ctx, id, true)
}
