package store

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/assay-dev/assay/assess"
)

// listColumns are what a list reads of an assessment. Every one of them
// is in the index assessments_list (migration 004), in the list's order,
// so that a list is read from that index alone; a column added here must
// be added to the index too, or lists read the wide rows again
// (TestListReadsTheIndexAlone).
const listColumns = `a.id, a.uuid, a.subject, a.subject_kind, COALESCE(a.subject_id, 0), a.reviewer, a.snapshot_digest,
	a.assessed_on, a.status, a.archived, a.updated_at, a.revision, COALESCE(a.revision_of, 0), a.list`

// listOrder is the index's order: most recently changed first.
const listOrder = ` ORDER BY a.updated_at DESC, a.id DESC`

type listRow struct {
	a                                 assess.Assessment
	digest, assessedOn, updated, list string
	archived                          int
}

func (r *listRow) dest() []any {
	return []any{&r.a.ID, &r.a.UUID, &r.a.Subject, &r.a.SubjectKind, &r.a.SubjectID, &r.a.Reviewer, &r.digest,
		&r.assessedOn, &r.a.Status, &r.archived, &r.updated, &r.a.Revision, &r.a.RevisionOf, &r.list}
}

// Assessments lists assessments, most recently changed first, with what
// lists show: identity, subject, reviewer, status, questionnaire, the day
// assessed and a summary whose plan items are grouped to be counted
// (assess.ItemSummary.Count), without keys or severities. Deadlines,
// answers, plan edits and sign-offs come with Assessment.
func (db *DB) Assessments(ctx context.Context, f assess.Filter) ([]*assess.Assessment, error) {
	where := ` WHERE a.archived = 0`
	if f.IncludeArchived {
		where = ``
	}
	var out []*assess.Assessment
	err := db.view(ctx, func(tx *sql.Tx) error {
		var err error
		out, err = db.listed(ctx, tx, where)
		return err
	})
	return out, err
}

// listed reads the assessments that where selects, in list order, with their
// questionnaire snapshots.
func (db *DB) listed(ctx context.Context, tx *sql.Tx, where string) ([]*assess.Assessment, error) {
	parsed, err := db.parseSnapshots(ctx, tx)
	if err != nil {
		return nil, err
	}
	defer parsed()
	rows, err := tx.QueryContext(ctx, `SELECT `+listColumns+` FROM assessments a`+where+listOrder)
	if err != nil {
		return nil, err
	}
	var out []*assess.Assessment
	var digests []string
	var unlisted []*assess.Assessment // rows without a list summary
	var al listAlloc
	err = func() error {
		defer rows.Close()
		for rows.Next() {
			var r listRow
			if err := rows.Scan(r.dest()...); err != nil {
				return err
			}
			a, err := r.finish(&al)
			if err != nil {
				return err
			}
			out = append(out, a)
			digests = append(digests, r.digest)
			if r.list == "" {
				unlisted = append(unlisted, a)
			}
		}
		return rows.Err()
	}()
	if err != nil {
		return nil, err
	}
	parsed()
	if err := db.completeListed(ctx, tx, out, digests, unlisted); err != nil {
		return nil, err
	}
	return out, nil
}

// completeListed attaches each listed assessment's questionnaire snapshot
// (by digests, in the same order) and reads the summaries of the rows
// without a list summary. It runs once the rows are closed: either may
// need a query on the store's one connection.
func (db *DB) completeListed(ctx context.Context, tx *sql.Tx, out []*assess.Assessment, digests []string, unlisted []*assess.Assessment) error {
	var err error
	for i, a := range out {
		if a.Questionnaire, err = db.snapshot(ctx, tx, digests[i]); err != nil {
			return err
		}
	}
	for _, a := range unlisted {
		if err := db.summaryOf(ctx, tx, a); err != nil {
			return err
		}
	}
	return nil
}

// finish converts the row's text columns; the snapshot is attached later.
// A row without a list summary (see summaryOf) is left with a zero one.
func (r *listRow) finish(al *listAlloc) (*assess.Assessment, error) {
	a := al.assessment()
	*a = r.a
	var err error
	if d, ok := date(r.assessedOn); ok && r.assessedOn != "" {
		a.AssessedOn = d
	} else if a.AssessedOn, err = assess.ParseDate(r.assessedOn); err != nil {
		return nil, fmt.Errorf("assessment %d: %w", a.ID, err)
	}
	if r.list != "" {
		if a.Summary, al.scratch, err = decodeListInto(r.list, al.scratch[:0]); err != nil {
			return nil, fmt.Errorf("assessment %d list summary: %w", a.ID, err)
		}
		a.Summary.Items = al.items(a.Summary.Items)
	}
	a.Archived = r.archived != 0
	a.UpdatedAt = parseStamp(r.updated)
	return a, nil
}

// listAlloc hands out a list's assessments and plan items from blocks,
// not one allocation each: a list of 10,000 assessments made some 40,000
// small allocations, and the garbage collector's work with them was a
// good part of the home screen's first frame.
type listAlloc struct {
	as      []assess.Assessment
	is      []assess.ItemSummary
	scratch []assess.ItemSummary // a row's items as decoded
}

const listBlock = 256

func (al *listAlloc) assessment() *assess.Assessment {
	if len(al.as) == cap(al.as) {
		al.as = make([]assess.Assessment, 0, listBlock)
	}
	al.as = al.as[:len(al.as)+1]
	return &al.as[len(al.as)-1]
}

// items copies items into the current block; the result has no room to
// grow into the next row's items.
func (al *listAlloc) items(items []assess.ItemSummary) []assess.ItemSummary {
	if len(items) == 0 {
		return nil
	}
	if cap(al.is)-len(al.is) < len(items) {
		al.is = make([]assess.ItemSummary, 0, max(listBlock*4, len(items)))
	}
	start := len(al.is)
	al.is = append(al.is, items...)
	return al.is[start:len(al.is):len(al.is)]
}

// summaryOf reads a's summary from the summary column, for a row that has
// no list summary: one whose summary migration 004 could not read, or one
// written by a program other than assay.
func (db *DB) summaryOf(ctx context.Context, tx *sql.Tx, a *assess.Assessment) error {
	var s string
	if err := tx.QueryRowContext(ctx, `SELECT summary FROM assessments WHERE id = ?`, a.ID).Scan(&s); err != nil {
		return err
	}
	var err error
	if a.Summary, err = decodeSummary(s); err != nil {
		return fmt.Errorf("assessment %d summary: %w", a.ID, err)
	}
	return nil
}
