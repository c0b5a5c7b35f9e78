package store

import (
	"context"
	"database/sql"

	"github.com/assay-dev/assay/assess"
)

// Label is what assay list shows of the questionnaire an assessment
// pinned: its ID and version as kept beside the snapshot, which verify
// holds to the snapshot's file (verify_cache.go). Reading labels parses
// no questionnaire: on a handle just opened, as every command's is,
// parsing the snapshots a list shows was most of a short list's work
// (docs/performance.md).
type Label struct{ ID, Version string }

// EachAssessmentLabelled calls fn with each assessment EachAssessment
// would list, in its order, and its questionnaire's label, parsing no
// questionnaire: the assessment's Questionnaire is nil.
func (db *DB) EachAssessmentLabelled(ctx context.Context, f assess.Filter, fn func(*assess.Assessment, Label) error) error {
	return db.view(ctx, func(tx *sql.Tx) error {
		labels, err := db.labels(ctx, tx)
		if err != nil {
			return err
		}
		return db.eachLabelled(ctx, tx, f, labels, fn)
	})
}

// labels reads every snapshot's label, by digest: a row a questionnaire,
// not an assessment.
func (db *DB) labels(ctx context.Context, tx *sql.Tx) (map[string]Label, error) {
	rows, err := tx.QueryContext(ctx, `SELECT digest, questionnaire_id, version FROM questionnaire_snapshots`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	labels := map[string]Label{}
	for rows.Next() {
		var digest string
		var l Label
		if err := rows.Scan(&digest, &l.ID, &l.Version); err != nil {
			return nil, err
		}
		labels[digest] = l
	}
	return labels, rows.Err()
}

// eachLabelled is eachListed with labels in place of the parsed
// snapshots. A row whose snapshot is gone is named as loading it would
// name it (DB.snapshot).
func (db *DB) eachLabelled(ctx context.Context, tx *sql.Tx, f assess.Filter, labels map[string]Label, fn func(*assess.Assessment, Label) error) error {
	query := `SELECT ` + listColumns + ` FROM assessments a` + listWhere(f) + listOrder
	var al listAlloc
	return db.eachListRow(ctx, tx, query, nil, func(r *listRow) error {
		label, ok := labels[r.digest]
		if !ok {
			return snapshotGone(r.digest)
		}
		a, err := r.finish(&al)
		if err != nil {
			return err
		}
		if r.list == "" {
			if err := db.summaryOf(ctx, tx, a); err != nil {
				return err
			}
		}
		return fn(a, label)
	})
}
