package store

import (
	"context"
	"database/sql"
	"fmt"
	"unicode/utf8"

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
	var out []*assess.Assessment
	err := db.EachAssessment(ctx, f, func(a *assess.Assessment) error {
		out = append(out, a)
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// EachAssessment calls fn with each assessment Assessments would list, in
// its order, as the rows are read: one read transaction, so the list is
// one moment's, and memory that does not grow with the portfolio unless
// fn keeps what it is given. An error from fn ends the list and is
// returned.
func (db *DB) EachAssessment(ctx context.Context, f assess.Filter, fn func(*assess.Assessment) error) error {
	return db.view(ctx, func(tx *sql.Tx) error { return db.eachListed(ctx, tx, f, fn) })
}

// ListWidths bounds what a list's cells hold, in characters, or in the
// terminal cells a caller's measure counts (EachAssessmentMeasured), so
// that a table can be laid out before its first row and each row printed
// as it is read. SQLite works out most of them from the list index alone, in
// one pass that calls no Go per row; the questionnaire IDs come from the
// snapshots' labels. A bound may exceed what is printed (a name cleaned of
// controls an older assay let through, a level written with JSON
// escapes, an answered count shorter than its total), never fall short of
// it, but for a row without a list summary (see summaryOf), which none
// has since migration 004.
type ListWidths struct {
	MaxID          int64 // the largest ID
	Subject        int   // the longest subject name
	Status         int   // the longest status
	ArchivedStatus int   // the longest status of an archived assessment; 0 when none is listed
	Progress       int   // the longest "answered/total"
	Level          int   // the longest level name
	// Unsettled: some listed level is not rated yet (answers to come
	// could change it), which a table says instead of the level.
	Unsettled     bool
	TotalDigits   int // the digits of the largest question count listed
	Questionnaire int // the longest questionnaire ID

	// ForbiddenStatus and ArchivedForbiddenStatus are the longest status
	// of an assessment whose answers describe a use the law forbids
	// (assess.Summary.UseForbidden), not archived and archived, to which
	// a table adds words saying so; 0 when none is listed.
	ForbiddenStatus, ArchivedForbiddenStatus int
}

// EachAssessmentMeasured is EachAssessmentLabelled that first gives
// widths the list's ListWidths, from the same read transaction. cells,
// unless nil, measures the listed subject names and level names that are
// not plain ASCII (a name in Japanese takes two terminal cells a
// character, an accent written as a combining mark none), so that the
// bounds are in the cells a terminal draws: the store knows no terminal,
// its caller does.
func (db *DB) EachAssessmentMeasured(ctx context.Context, f assess.Filter, cells func(string) int,
	widths func(ListWidths) error, fn func(*assess.Assessment, Label) error) error {
	return db.view(ctx, func(tx *sql.Tx) error {
		labels, err := db.labels(ctx, tx)
		if err != nil {
			return err
		}
		w, err := db.listWidths(ctx, tx, f, labels)
		if err != nil {
			return err
		}
		if cells != nil {
			if err := db.measureNonASCII(ctx, tx, f, cells, &w); err != nil {
				return err
			}
		}
		if err := widths(w); err != nil {
			return err
		}
		return db.eachLabelled(ctx, tx, f, labels, fn)
	})
}

// listWidths measures the list column as store/list.go writes it,
// compact: "[answered,total,…,"level","title",…,[groups]]": the answered
// count ends at the first comma and the total at the second, and the
// first string is the level, ended by the first `","` (a quote inside a
// string is escaped); the flags after the groups end it: ",1]" or ",3]"
// for a level not rated yet, ",2]" or ",3]" for a use the law forbids.
func (db *DB) listWidths(ctx context.Context, tx *sql.Tx, f assess.Filter, labels map[string]Label) (ListWidths, error) {
	var w ListWidths
	var answered int
	err := tx.QueryRowContext(ctx, listWidthsQuery+listWhere(f)).
		Scan(&w.MaxID, &w.Subject, &w.Status, &w.ArchivedStatus, &answered, &w.TotalDigits, &w.Level, &w.Unsettled,
			&w.ForbiddenStatus, &w.ArchivedForbiddenStatus)
	if err != nil {
		return w, err
	}
	w.TotalDigits = max(w.TotalDigits, 0)
	for _, l := range labels {
		w.Questionnaire = max(w.Questionnaire, utf8.RuneCountInString(l.ID))
	}
	if w.MaxID > 0 {
		w.Progress = max(answered, 1) + 1 + w.TotalDigits
	}
	return w, nil
}

// measureNonASCII widens w's subject and level bounds to the cells that
// the listed subject names and level names not in plain ASCII take, as
// cells measures them. SQL counts characters; only such names can take
// more cells than characters, and only the rows holding one are read
// (none, in a portfolio named in ASCII). A level the list column holds
// with JSON escapes is ASCII there, and its escapes are longer than the
// cells it takes.
func (db *DB) measureNonASCII(ctx context.Context, tx *sql.Tx, f assess.Filter, cells func(string) int, w *ListWidths) error {
	query := nonASCIIQuery
	if !f.IncludeArchived {
		query += nonASCIIUnarchived
	}
	rows, err := tx.QueryContext(ctx, query)
	if err != nil {
		return err
	}
	defer rows.Close()
	var name, list string
	var scratch []assess.ItemSummary
	for rows.Next() {
		if err := rows.Scan(&name, &list); err != nil {
			return err
		}
		if !isASCII(name) {
			w.Subject = max(w.Subject, cells(name))
		}
		if isASCII(list) {
			continue
		}
		var s assess.Summary
		// A list summary that does not decode is reported by the row
		// itself when it is listed.
		if s, scratch, err = decodeListInto(list, scratch[:0]); err == nil && !isASCII(s.Level) {
			w.Level = max(w.Level, cells(s.Level))
		}
	}
	return rows.Err()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// nonASCIIQuery reads the subject names and list summaries of the rows
// where either has a character of more than one byte; PostgreSQL words it
// its own way (postgres_queries.go).
const nonASCIIQuery = `SELECT a.subject, a.list FROM assessments a
	WHERE (length(CAST(a.subject AS BLOB)) <> length(a.subject) OR length(CAST(a.list AS BLOB)) <> length(a.list))`

// nonASCIIUnarchived leaves the archived out, as listWhere does.
const nonASCIIUnarchived = ` AND a.archived = 0`

// listWidthsQuery measures a list (listWidths) without its WHERE clause
// (listWhere); PostgreSQL words it its own way (postgres_queries.go).
const listWidthsQuery = `SELECT coalesce(max(a.id), 0), coalesce(max(length(a.subject)), 0),
		coalesce(max(length(a.status)), 0), coalesce(max(CASE WHEN a.archived THEN length(a.status) ELSE 0 END), 0),
		coalesce(max(instr(a.list, ',') - 2), 0), coalesce(max(instr(substr(a.list, instr(a.list, ',') + 1), ',') - 1), 0),
		coalesce(max(instr(a.list, '","') - instr(a.list, '"') - 1), 0),
		coalesce(max(CASE WHEN a.list LIKE '%],1]' OR a.list LIKE '%],3]' THEN 1 ELSE 0 END), 0),
		coalesce(max(CASE WHEN NOT a.archived AND (a.list LIKE '%],2]' OR a.list LIKE '%],3]') THEN length(a.status) ELSE 0 END), 0),
		coalesce(max(CASE WHEN a.archived AND (a.list LIKE '%],2]' OR a.list LIKE '%],3]') THEN length(a.status) ELSE 0 END), 0)
		FROM assessments a`

// listWheres are the WHERE clauses a list may have: all, or without the
// archived.
var listWheres = []string{``, ` WHERE a.archived = 0`}

func listWhere(f assess.Filter) string {
	if f.IncludeArchived {
		return listWheres[0]
	}
	return listWheres[1]
}

func (db *DB) eachListed(ctx context.Context, tx *sql.Tx, f assess.Filter, fn func(*assess.Assessment) error) error {
	query := `SELECT ` + listColumns + ` FROM assessments a` + listWhere(f) + listOrder
	if f.Limit > 0 {
		return db.listPage(ctx, tx, query+` LIMIT ?`, f.Limit, fn)
	}
	// A whole list may show any questionnaire: parse the ones not yet
	// parsed side by side, on other goroutines, before the rows need
	// them.
	wait, err := db.parseSnapshots(ctx, tx)
	if err != nil {
		return err
	}
	wait()
	var al listAlloc
	return db.eachListRow(ctx, tx, query, nil, func(r *listRow) error {
		a, err := db.completeRow(ctx, tx, r, &al)
		if err != nil {
			return err
		}
		return fn(a)
	})
}

// listPage lists the first limit assessments: the rows first, then the
// few questionnaires they show, parsed side by side, not every one the
// database holds.
func (db *DB) listPage(ctx context.Context, tx *sql.Tx, query string, limit int, fn func(*assess.Assessment) error) error {
	var page []listRow
	err := db.eachListRow(ctx, tx, query, []any{limit}, func(r *listRow) error {
		page = append(page, *r)
		return nil
	})
	if err != nil {
		return err
	}
	digests := make([]string, len(page))
	for i := range page {
		digests[i] = page[i].digest
	}
	if err := db.parseDigests(ctx, tx, digests); err != nil {
		return err
	}
	var al listAlloc
	for i := range page {
		a, err := db.completeRow(ctx, tx, &page[i], &al)
		if err != nil {
			return err
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return nil
}

// eachListRow runs a list query and calls fn with each row scanned.
func (db *DB) eachListRow(ctx context.Context, tx *sql.Tx, query string, args []any, fn func(*listRow) error) error {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var r listRow
	for rows.Next() {
		r = listRow{}
		if err := rows.Scan(r.dest()...); err != nil {
			return err
		}
		if err := fn(&r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// completeRow turns a scanned row into the listed assessment, with its
// questionnaire snapshot and, for a row without a list summary, the
// summary read from its own row. Both may query the transaction while
// the list's rows are still open.
func (db *DB) completeRow(ctx context.Context, tx *sql.Tx, r *listRow, al *listAlloc) (*assess.Assessment, error) {
	a, err := r.finish(al)
	if err != nil {
		return nil, err
	}
	if a.Questionnaire, err = db.snapshot(ctx, tx, r.digest); err != nil {
		return nil, err
	}
	if r.list == "" {
		if err := db.summaryOf(ctx, tx, a); err != nil {
			return nil, err
		}
	}
	return a, nil
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
			return nil, unreadable("assessment", a.ID, "list summary", err)
		}
		a.Summary.Items = al.items(a.Summary.Items)
	}
	a.Archive = assess.ArchiveFlag(r.archived)
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
		return unreadable("assessment", a.ID, "stored summary", err)
	}
	return nil
}
