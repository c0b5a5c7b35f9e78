package store

import (
	"context"
	"database/sql"

	"github.com/assay-dev/assay/assess"
)

// changeLocked runs change in one transaction on assessment id as it is
// once its row is locked (so no other writer moves it between the read
// and change's writes), and returns the assessment as change left it. A
// change that returns an error writes nothing.
func (db *DB) changeLocked(ctx context.Context, id int64, change func(tx *sql.Tx, a *assess.Assessment) error) (*assess.Assessment, error) {
	var out *assess.Assessment
	writeBegins()
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.lockAssessment(ctx, tx, id); err != nil {
			return err
		}
		a, err := db.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := change(tx, a); err != nil {
			return err
		}
		out, err = db.load(ctx, tx, id)
		return err
	})
	return out, err
}

// writeBegins is called as a change to one assessment, or an import,
// begins its transaction: a binary built for tests stops there
// (stop_hooks.go), so that several processes stopped there and continued
// together write at once.
var writeBegins = func() {}
