package store

import (
	"context"
	"database/sql"

	"github.com/assay-dev/assay/assess"
)

// revisedApproval is the approval of assessment revisionOf, which a
// revision of it is read with (assess.Assessment.RevisedApproval): its
// report names that approval, and is judged no earlier than its day. Nil
// for an original (revisionOf 0) and for an assessment without one.
// Read in the revision's own transaction, so that every reader of the
// revision, on either store, the CLI's and the workspace's alike, dates
// its report by the same approval.
func (db *DB) revisedApproval(ctx context.Context, tx *sql.Tx, revisionOf int64) (*assess.SignOff, error) {
	if revisionOf == 0 {
		return nil, nil
	}
	prev, err := db.signOffs(ctx, tx, revisionOf)
	if err != nil {
		return nil, err
	}
	if ap, ok := (&assess.Assessment{SignOffs: prev}).Approval(); ok {
		return &ap, nil
	}
	return nil, nil
}
