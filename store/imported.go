package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/assay-dev/assay/assess"
)

// imported reads where assessment id came from, when it was imported:
// from its latest import audit record (an assessment exported again and
// imported elsewhere holds one for each database it was imported into;
// the latest is this one's). The record is in the hash chain, so what is
// shown is what verify checks; nil for an assessment made here. The
// partial index events_import (migrations 006 and 007) finds it without
// reading the assessment's other records.
func (db *DB) imported(ctx context.Context, tx *sql.Tx, id int64) (*assess.Imported, error) {
	var actor, at, record string
	err := tx.QueryRowContext(ctx, `SELECT actor, at, new_value FROM events
		WHERE assessment_id = ? AND kind = 'import' ORDER BY seq DESC LIMIT 1`, id).Scan(&actor, &at, &record)
	if isNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var stated struct {
		FileDigest string `json:"file_digest"`
		ExportedBy string `json:"exported_by"`
		ExportedAt string `json:"exported_at"`
	}
	if err := json.Unmarshal([]byte(record), &stated); err != nil {
		return nil, fmt.Errorf("assessment %d: its import audit record does not read: %v", id, err)
	}
	return &assess.Imported{FileDigest: stated.FileDigest, ExportedBy: stated.ExportedBy, ExportedAt: stated.ExportedAt,
		By: actor, At: parseStamp(at)}, nil
}
