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
// the latest is this one's). The partial index events_import (migrations
// 006 and 007) finds it without reading the assessment's other records;
// nil for an assessment made here.
//
// The record is in the hash chain, and verify holds it there; but the
// workspace's Compare, assay diff and the report read it without a
// verify. So the record is held to its own hash and to the link the next
// record (or, for the last, the assessment's head) makes to it: one
// changed after the import reads as Altered, and none of its text is
// taken for provenance.
func (db *DB) imported(ctx context.Context, tx *sql.Tx, id int64) (*assess.Imported, error) {
	var e Event
	err := tx.QueryRowContext(ctx, `SELECT seq, at, actor, kind, target, old_value, new_value, prev_hash, hash FROM events
		WHERE assessment_id = ? AND kind = 'import' ORDER BY seq DESC LIMIT 1`, id).
		Scan(&e.Seq, &e.At, &e.Actor, &e.Kind, &e.Target, &e.Old, &e.New, &e.PrevHash, &e.Hash)
	if isNoRows(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if whole, err := db.importRecordWhole(ctx, tx, id, e); err != nil || !whole {
		return &assess.Imported{Altered: true}, err
	}
	var stated struct {
		FileDigest string             `json:"file_digest"`
		ExportedBy string             `json:"exported_by"`
		ExportedAt string             `json:"exported_at"`
		TrustedAs  string             `json:"signed_key_trusted_as"`
		OwnKey     bool               `json:"signed_with_own_key"`
		LooksLike  string             `json:"exported_by_looks_like"`
		Alike      []assess.NameAlike `json:"names_look_like"`
	}
	if err := json.Unmarshal([]byte(e.New), &stated); err != nil {
		return nil, fmt.Errorf("assessment %d: its import audit record does not read: %v", id, err)
	}
	return &assess.Imported{FileDigest: stated.FileDigest, ExportedBy: stated.ExportedBy, ExportedAt: stated.ExportedAt,
		By: e.Actor, At: parseStamp(e.At), TrustedAs: stated.TrustedAs, OwnKey: stated.OwnKey, LooksLike: stated.LooksLike,
		Alike: stated.Alike}, nil
}

// importRecordWhole reports whether an import record matches its hash and
// the chain still links to that hash after it.
func (db *DB) importRecordWhole(ctx context.Context, tx *sql.Tx, id int64, e Event) (bool, error) {
	if e.computeHash() != e.Hash {
		return false, nil
	}
	var link string
	err := tx.QueryRowContext(ctx, `SELECT prev_hash FROM events WHERE assessment_id = ? AND seq = ?`, id, e.Seq+1).Scan(&link)
	if isNoRows(err) {
		err = tx.QueryRowContext(ctx, `SELECT event_head FROM assessments WHERE id = ?`, id).Scan(&link)
	}
	if err != nil {
		return false, err
	}
	return link == e.Hash, nil
}
