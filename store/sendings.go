package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// A file assay send writes for the vendor says so (its source and sent
// lines), but the vendor holds the file and can delete those lines: read
// back, their answers would be recorded as the analyst's, reviewed. So
// each sending is an audit record of the assessment, kept by the store
// and signed like any other; while one is on record, a file that does not
// say it is the vendor's is read only when the analyst says where it came
// from (assay answer --vendor or --own).

// sendingKind is the audit record of a sending.
const sendingKind = ledger.SendingKind

// RecordSending records that a file for the vendor to fill in was written
// for assessment id at the time its sent line gives. An approved
// assessment is locked: no file is sent for it.
func (db *DB) RecordSending(ctx context.Context, id int64, at time.Time) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.lockAssessment(ctx, tx, id); err != nil {
			return err
		}
		var status string
		var archived int
		err := tx.QueryRowContext(ctx, `SELECT status, archived FROM assessments WHERE id = ?`, id).Scan(&status, &archived)
		if isNoRows(err) {
			return notFound(id)
		}
		if err != nil {
			return err
		}
		if err := (&assess.Assessment{ID: id, Status: assess.Lifecycle(status), Archive: assess.ArchiveFlag(archived)}).Editable(); err != nil {
			return err
		}
		return db.appendEvent(ctx, tx, id, sendingKind, "vendor-file", nil, map[string]string{"sent": at.UTC().Format(time.RFC3339Nano)})
	})
}

// LastSending is when a file for the vendor was last written for
// assessment id (RecordSending), and false when none was.
func (db *DB) LastSending(ctx context.Context, id int64) (time.Time, bool, error) {
	var sent time.Time
	found := false
	err := db.view(ctx, func(tx *sql.Tx) error {
		var v string
		err := tx.QueryRowContext(ctx, `SELECT new_value FROM events WHERE assessment_id = ? AND kind = ? ORDER BY seq DESC LIMIT 1`, id, sendingKind).Scan(&v)
		if isNoRows(err) {
			return nil
		}
		if err != nil {
			return err
		}
		var rec struct {
			Sent time.Time `json:"sent"`
		}
		if err := json.Unmarshal([]byte(v), &rec); err != nil {
			return fmt.Errorf("assessment %d: the record of a sending does not read (%v): assay verify says more", id, err)
		}
		sent, found = rec.Sent, true
		return nil
	})
	return sent, found, err
}
