package store

import (
	"context"
	"database/sql"
	"sync"

	"github.com/assay-dev/assay/assess"
)

// parseSnapshots starts parsing, on other goroutines, every questionnaire
// snapshot this handle has not parsed yet, and returns a function that
// waits for them. Lists call it before reading their rows: on a freshly
// opened database parsing the questionnaires takes about as long as
// reading 10,000 rows, and the two then run side by side. A snapshot that
// does not parse is left out of the cache, so that attaching it later
// reports the error as before.
//
// The digests are read first, and the YAML only of the snapshots not yet
// parsed: a list that parsed them already (assay list reads its widths,
// then its rows; the workspace reads its first page, then the rest) reads
// a few index entries instead of every questionnaire's text again.
func (db *DB) parseSnapshots(ctx context.Context, tx *sql.Tx) (wait func(), err error) {
	digests, err := queryColumn(ctx, tx, `SELECT digest FROM questionnaire_snapshots`)
	if err != nil {
		return nil, err
	}
	return db.startParsing(ctx, tx, digests), nil
}

// parseDigests parses the snapshots of digests this handle has not
// parsed yet, side by side, and waits for them.
func (db *DB) parseDigests(ctx context.Context, tx *sql.Tx, digests []string) error {
	db.startParsing(ctx, tx, digests)()
	return ctx.Err()
}

// startParsing reads the snapshots of digests this handle has not parsed
// yet and parses them on other goroutines; wait waits for them. A
// snapshot that does not read or parse is left out, so that attaching it
// reports the error.
func (db *DB) startParsing(ctx context.Context, tx *sql.Tx, digests []string) (wait func()) {
	seen := map[string]bool{}
	var wg sync.WaitGroup
	for _, digest := range digests {
		db.mu.Lock()
		_, done := db.snapshots[digest]
		db.mu.Unlock()
		if done || seen[digest] {
			continue
		}
		seen[digest] = true
		var name string
		var src []byte
		err := tx.QueryRowContext(ctx, `SELECT source_name, source FROM questionnaire_snapshots WHERE digest = ?`, digest).Scan(&name, &src)
		if err != nil {
			continue // attaching it reports the error
		}
		wg.Go(func() {
			if q, err := db.decode(name, src); err == nil {
				db.cache(q)
			}
		})
	}
	return wg.Wait
}

// StartedWithOtherContent lists, in order, the assessments started with a
// questionnaire of q's ID and version whose content (its digest) is not
// q's: a file changed without a new version. Each keeps what it started
// with; the list is for saying that the label now names two contents.
func (db *DB) StartedWithOtherContent(ctx context.Context, q *assess.Questionnaire) ([]int64, error) {
	var ids []int64
	err := db.view(ctx, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT a.id FROM assessments a JOIN questionnaire_snapshots s ON s.digest = a.snapshot_digest
			WHERE s.questionnaire_id = ? AND s.version = ? AND s.digest <> ? ORDER BY a.id`, q.ID, q.Version, q.Digest)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return rows.Err()
	})
	return ids, err
}
