package store

import (
	"context"
	"database/sql"

	"github.com/assay-dev/assay/assess"
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
