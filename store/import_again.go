package store

import (
	"context"
	"database/sql"
	"encoding/json"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
)

// alreadyHere is the refusal of a file whose assessment this database
// holds already, as assessment id: import adds assessments and never
// changes one. It says how the two relate, as that decides what the
// person does next: the very file imported before, a copy of what is
// here, a later copy, or copies changed apart, compared record by record
// by the trails' hashes.
func (db *DB) alreadyHere(ctx context.Context, tx *sql.Tx, id int64, f *export.File) error {
	type record struct{ kind, hash, new string }
	rows, err := tx.QueryContext(ctx, `SELECT kind, hash, new_value FROM events WHERE assessment_id = ? ORDER BY seq`, id)
	if err != nil {
		return err
	}
	var here []record
	for rows.Next() {
		var r record
		if err := rows.Scan(&r.kind, &r.hash, &r.new); err != nil {
			rows.Close()
			return err
		}
		here = append(here, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range here {
		var rec struct {
			FileDigest string `json:"file_digest"`
		}
		if r.kind == "import" && json.Unmarshal([]byte(r.new), &rec) == nil && rec.FileDigest != "" && rec.FileDigest == f.Digest {
			return assess.Errorf(assess.EConflict, "assessment.uuid: the assessment is already in this database: this very file was imported already, as assessment %d; nothing to import", id)
		}
	}
	common := 0
	for common < len(here) && common < len(f.Events) && here[common].hash == f.Events[common].Hash {
		common++
	}
	records := func(n int) string { return assess.Count(n, "record", "records") }
	switch {
	case common == len(f.Events):
		return assess.Errorf(assess.EConflict, "assessment.uuid: the assessment is already in this database: assessment %d here already holds %s%s; nothing to import",
			id, wholeTrail(common), recordsAfter(len(here)-common, common))
	case common == len(here) || (common == len(here)-1 && here[common].kind == "import"):
		// What is here is the file's trail up to a point, and at most this
		// database's record of importing it.
		return assess.Errorf(assess.EConflict, "assessment.uuid: the assessment is already in this database: the file is a later copy of assessment %d: its audit trail holds %s after the %s assessment %d holds. "+
			"import adds assessments and never changes one, so the later copy cannot replace it here; import it into another database to read it",
			id, records(len(f.Events)-common), records(common), id)
	}
	return assess.Errorf(assess.EConflict, "assessment.uuid: the assessment is already in this database: the file's audit trail and assessment %d's part after record %d: each was changed without the other "+
		"(after it the file holds %s and assessment %d holds %s). import adds assessments and never changes one; the two copies are two histories, to be reconciled by hand",
		id, common, records(len(f.Events)-common), id, records(len(here)-common))
}

// wholeTrail names all n records of a file's audit trail: "all 1 record"
// reads as a slip.
func wholeTrail(n int) string {
	if n == 1 {
		return "the one record of the file's audit trail"
	}
	return "all " + assess.Count(n, "record", "records") + " of the file's audit trail"
}

// recordsAfter is what this database holds past the file's trail of
// trail records (at least its own record of the import), or nothing when
// it holds no more; "after them" points back at the trail's records.
func recordsAfter(n, trail int) string {
	if n <= 0 {
		return ""
	}
	return ", and " + assess.Count(n, "record", "records") + " after " + assess.Plural(trail, "it", "them")
}
