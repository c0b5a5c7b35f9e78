package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// An assessment's stored summary (and its list summary) is what the home
// screen, lists and due dates show. It is written with each change, by the
// scoring rules of the assay that made the change; after an upgrade to
// other rules, an assessment nobody changes since (an approved one never
// changes) would keep showing the level the old rules gave, while its
// report, scored when it is made, shows the new one.
//
// RescoreOlder scores such assessments again, once: PRAGMA user_version
// records the scoring rules every stored summary follows, so that a
// database already up to date costs one read of its header. A team
// database has no such mark, and a scan of every summary on every command
// would cost each person's start: its owner's assay team init, run after
// every upgrade, scores them again (RescoreOlderNow).

// rescoreBatch is how many assessments are scored again per transaction:
// a rescore cut short keeps the batches it committed, and the next open
// goes on with the rest.
const rescoreBatch = 200

// scoringPrefix is what every version of assay's scoring rules is named
// with, before its number.
const scoringPrefix = "assay-scoring/"

// scoringGeneration is the number of assess.ScoringVersion
// ("assay-scoring/2" is 2), as PRAGMA user_version holds it.
func scoringGeneration() int {
	g, ok := generationOf(assess.ScoringVersion)
	if !ok || g < 1 {
		panic("assess.ScoringVersion does not end in /N: " + assess.ScoringVersion)
	}
	return g
}

// generationOf is the number a scoring version names ("assay-scoring/2"
// is 2), and false for a name that is not of that form.
func generationOf(version string) (int, bool) {
	n, ok := strings.CutPrefix(version, scoringPrefix)
	if !ok {
		return 0, false
	}
	g, err := strconv.Atoi(n)
	return g, err == nil
}

// RescoreOlder scores again every assessment whose stored summary another
// version of assay's scoring rules wrote, and reports how many it
// rescored. started is called first, with how many there are, when there
// are any (a large portfolio takes a while, once). An assessment whose
// rows cannot be read is left as it is: verify reports it. A team
// database, or a file this process cannot write, is left alone.
func (db *DB) RescoreOlder(ctx context.Context, started func(n int)) (int, error) {
	if db.Team() || db.readOnly {
		return 0, nil
	}
	current := scoringGeneration()
	var marked int
	if err := db.sql.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&marked); err != nil {
		return 0, db.failure(err)
	}
	if marked >= current {
		return 0, nil // up to date, or marked by a newer assay, whose summaries stay
	}
	done := 0
	err := db.waitingForUpgrade(ctx, func() error {
		var err error
		if done, err = db.RescoreOlderNow(ctx, started); err != nil {
			return err
		}
		// Only once every summary is done: a rescore cut short leaves the
		// mark as it was, and the next open finds the rest.
		_, err = db.sql.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, current))
		return db.failure(err)
	})
	return done, err
}

// RescoreOlderNow scores again, now, every assessment whose stored summary
// other scoring rules wrote, and reports how many it rescored; started is
// called first with how many there are, when there are any. Each is
// scored under its write lock, so that a save made meanwhile is never
// overwritten with a summary of the answers before it. It is RescoreOlder
// without the mark, for a team database's owner.
func (db *DB) RescoreOlderNow(ctx context.Context, started func(n int)) (int, error) {
	ids, err := db.olderSummaries(ctx)
	if err != nil {
		return 0, err
	}
	if len(ids) > 0 && started != nil {
		started(len(ids))
	}
	done := 0
	for len(ids) > 0 {
		batch := ids[:min(rescoreBatch, len(ids))]
		ids = ids[len(batch):]
		n := 0
		err := db.tx(ctx, func(tx *sql.Tx) error {
			n = 0
			for _, id := range batch {
				if err := db.lockAssessment(ctx, tx, id); err != nil {
					return err
				}
				older, err := db.stillOlder(ctx, tx, id)
				if err != nil {
					return err
				}
				if !older {
					continue // another window scored it again since the list was made
				}
				a, err := db.load(ctx, tx, id)
				if err != nil {
					if ctx.Err() != nil {
						return ctx.Err()
					}
					continue // damaged or changed outside assay: verify names it
				}
				if err := db.writeSummary(ctx, tx, a, ""); err != nil {
					return err
				}
				summaryRescored()
				n++
			}
			return nil
		})
		if err != nil {
			return done, fmt.Errorf("scoring stored summaries again under %s: %w", assess.ScoringVersion, err)
		}
		done += n
	}
	return done, nil
}

// summaryRescored is called inside a rescore batch's transaction once an
// assessment's summary is scored again, before the batch commits: a
// binary built for tests stops there (stop_hooks.go), to be killed with
// the batch half done.
var summaryRescored = func() {}

// stillOlder reports whether assessment id's stored summary still names
// older scoring rules than this assay's, read under its lock: the list was
// made before, and another window may have scored it again since. It
// decides as olderSummariesQuery does (a summary that is not JSON, or that
// a newer assay wrote, is left as it is).
func (db *DB) stillOlder(ctx context.Context, tx *sql.Tx, id int64) (bool, error) {
	var summary string
	err := tx.QueryRowContext(ctx, `SELECT summary FROM assessments WHERE id = ?`, id).Scan(&summary)
	if isNoRows(err) {
		return false, nil // deleted meanwhile
	}
	if err != nil {
		return false, err
	}
	var s struct {
		Version string `json:"scoring_version"`
	}
	if !json.Valid([]byte(summary)) {
		return false, nil
	}
	_ = json.Unmarshal([]byte(summary), &s) // JSON but not an object: it names no rules
	if s.Version == "" {
		return true, nil
	}
	g, ok := generationOf(s.Version)
	return ok && g < scoringGeneration(), nil
}

// olderSummariesQuery lists the assessments whose summary names no scoring
// rules, or rules numbered below the third argument (postgresQueries has
// the server's words for it).
const olderSummariesQuery = `SELECT id FROM (
	SELECT id, coalesce(json_extract(summary, '$.scoring_version'), '') AS v FROM assessments WHERE json_valid(summary))
	WHERE v = '' OR (v LIKE ? AND CAST(substr(v, ?) AS INTEGER) < ?) ORDER BY id`

// olderSummaries lists the assessments whose stored summary names older
// scoring rules than this assay's (or none: a row another program wrote).
// A summary that is not JSON is left to verify, and one a newer assay
// wrote is left as it is.
func (db *DB) olderSummaries(ctx context.Context) ([]int64, error) {
	rows, err := db.sql.QueryContext(ctx, olderSummariesQuery, scoringPrefix+"%", len(scoringPrefix)+1, scoringGeneration())
	if err != nil {
		return nil, db.failure(err)
	}
	defer rows.Close()
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, db.failure(err)
		}
		ids = append(ids, id)
	}
	return ids, db.failure(rows.Err())
}
