package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// historyColumns are what a subject's history needs of each assessment
// (assess.RefOf): fewer than a list, and all in the index
// assessments_list, so that the history of every subject, which the home
// screen reads for its reassessment reminders, never reads the wide rows.
const historyColumns = `a.id, COALESCE(a.subject_id, 0), a.snapshot_digest, a.assessed_on, a.status, a.archived,
	a.revision, COALESCE(a.revision_of, 0), a.list`

const historyWhere = ` WHERE a.subject_id IS NOT NULL`

// history reads the assessments of the subjects in bySubject with what
// assess.RefOf reads of them, and their questionnaire snapshots.
func (db *DB) history(ctx context.Context, tx *sql.Tx, bySubject map[int64]*assess.Subject) ([]*assess.Assessment, error) {
	rows, err := tx.QueryContext(ctx, `SELECT `+historyColumns+` FROM assessments a`+historyWhere+listOrder)
	if err != nil {
		return nil, err
	}
	var out []*assess.Assessment
	var digests []string
	var unlisted []*assess.Assessment
	err = func() error {
		defer rows.Close()
		for rows.Next() {
			var a assess.Assessment
			var digest, assessedOn, list string
			var archived int
			if err := rows.Scan(&a.ID, &a.SubjectID, &digest, &assessedOn, &a.Status, &archived, &a.Revision, &a.RevisionOf, &list); err != nil {
				return err
			}
			if bySubject[a.SubjectID] == nil {
				continue
			}
			if a.AssessedOn, err = assess.ParseDate(assessedOn); err != nil {
				return fmt.Errorf("assessment %d: %w", a.ID, err)
			}
			a.Archive = assess.ArchiveFlag(archived)
			if list == "" {
				unlisted = append(unlisted, &a)
			} else if a.Summary, err = listLevel(list); err != nil {
				return fmt.Errorf("assessment %d list summary: %w", a.ID, err)
			}
			out = append(out, &a)
			digests = append(digests, digest)
		}
		return rows.Err()
	}()
	if err != nil {
		return nil, err
	}
	if err := db.completeListed(ctx, tx, out, digests, unlisted); err != nil {
		return nil, err
	}
	return out, nil
}

// listLevel reads only the level from a list summary, and its flags:
// the fields before the level as they are written, when the list ends
// with the plan's groups (no flags, as most do); else the whole summary,
// of which it keeps the same.
func listLevel(list string) (assess.Summary, error) {
	p := &summaryScanner{s: list}
	if strings.HasSuffix(list, "]]") && p.next('[') {
		ok := true
		for i := 0; ok && i < 6; i++ {
			_, ok = p.int()
			ok = ok && p.next(',')
		}
		if ok {
			if level, ok := p.str(); ok {
				return assess.Summary{Level: level}, nil
			}
		}
	}
	sum, err := decodeList(list)
	return assess.Summary{Level: sum.Level, LevelUnsettled: sum.LevelUnsettled, UseForbidden: sum.UseForbidden}, err
}
