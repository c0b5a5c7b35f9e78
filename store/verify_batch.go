package store

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// A full verify reads each table once, in owner order, a batch of owners
// at a time: range queries over the owners' ids instead of some ten
// queries per assessment (each of which modernc.org/sqlite parsed anew).
// One goroutine reads, on the store's one connection; the checks of each
// batch run on the other cores (verify_pipeline.go).

// verifyBatchSize is how many owners a batch holds: enough that a query's
// fixed cost is spread thin, few enough that a batch of 100-question
// assessments is a few megabytes.
const verifyBatchSize = 200

// ownerRows is everything verify reads of one owner.
type ownerRows struct {
	id       int64
	count    int64  // the chain's length kept on the owner
	head     string // and its head
	events   []Event
	leaf     ledger.Leaf // the owner's row as a leaf, and its state
	state    ledger.State
	stateErr error
	signed   []ledger.SignedLeaf
	states   map[string]ledger.State
	a        *assessmentRaw // assessments only
	// The records as readEvents left them joined, and their count,
	// until finishRead splits them.
	eventsText  string
	eventsCount int64
	subjectName string
	// A subject's creation time and time of last change, as stored.
	subjectCreated, subjectUpdated string

	// The row's state before finishState: the JSON column it still
	// has to decode (deadlines or contacts) and the other fields.
	rawJSON string
	aState  ledger.AssessmentState
	// archiveFlag is the assessment's archive flag as stored: aState
	// keeps whether it is archived, which is all the ledger signs.
	archiveFlag assess.ArchiveFlag
	sState      ledger.SubjectState
	finished    bool
}

// finishState decodes the row's state and hashes it into its leaf: the
// check's work, on the checking goroutines rather than the reader's.
func (o *ownerRows) finishState() {
	if o.finished {
		return
	}
	o.finished = true
	if o.leaf.Scope == ledger.ScopeAssessment {
		if err := json.Unmarshal([]byte(o.rawJSON), &o.aState.Deadlines); err != nil {
			o.stateErr = unreadable("assessment", o.id, "deadlines", err)
		} else {
			o.stateErr = archiveFlagOutside(o.id, o.archiveFlag)
		}
		o.state = ledger.AssessmentStateOf(o.aState)
	} else {
		if err := json.Unmarshal([]byte(o.rawJSON), &o.sState.Contacts); err != nil {
			o.stateErr = unreadable("subject", o.id, "contacts", err)
		}
		o.state = ledger.SubjectStateOf(o.sState)
	}
	o.leaf.State = o.state.Hash()
}

// assessmentRaw is an assessment's rows as stored, decoded by the check.
type assessmentRaw struct {
	row      assessmentRow
	list     string
	answers  []answerRaw
	plan     []planRaw
	signOffs []signOffRaw
	// The answers as readAnswers left them joined, and their count,
	// until finishRead splits them.
	answersText  string
	answersCount int64
	// For a revision, who saved each answer and plan edit of the
	// assessment it revises, and when, as that one's rows keep them: an
	// older assay's revision states nothing of its copies, and they are
	// held to these (verifyCopied). Empty for an original.
	revisedAnswers, revisedPlan map[string]ledger.Stamp
}

type planRaw struct{ key, edit, updated, by string }

type signOffRaw struct {
	id                                    int64
	role, name, on, decision, comment, at string
	seq                                   int64
}

// ownerBatch is a run of owners with consecutive ids: every record whose
// owner id lies in (after, last] is read with it, so records of an owner
// that no longer exists are seen too (orphan).
type ownerBatch struct {
	index  int
	c      chain
	owners []*ownerRows
	orphan *Break // the first record, by row id, of an owner not in the batch
}

// readBatch reads the owners after id after (up to limit; exactly id only
// when only is true) and their records. last is true when no owner
// follows: the batch then also takes every record of a higher owner id.
func (v *verifier) readBatch(ctx context.Context, c chain, after int64, only bool) (*ownerBatch, error) {
	b := &ownerBatch{c: c}
	var err error
	if c == assessmentChain {
		err = v.readAssessmentRows(ctx, b, after, only, false)
	} else {
		err = v.readSubjectRows(ctx, b, after, only)
	}
	if err != nil || (only && len(b.owners) == 0) {
		return b, err
	}
	lo, hi := after+1, int64(math.MaxInt64)
	if only || len(b.owners) == verifyBatchSize {
		hi = b.owners[len(b.owners)-1].id
	}
	byID := make(map[int64]*ownerRows, len(b.owners))
	for _, o := range b.owners {
		byID[o.id] = o
	}
	if err := v.readEvents(ctx, b, byID, lo, hi); err != nil {
		return nil, err
	}
	if err := v.readSigned(ctx, b, byID, lo, hi); err != nil {
		return nil, err
	}
	if c == assessmentChain {
		if err := v.readAssessmentParts(ctx, byID, lo, hi); err != nil {
			return nil, err
		}
	}
	return b, nil
}

func (v *verifier) limit(only bool) string {
	if only {
		return ` = ?`
	}
	return fmt.Sprintf(` > ? ORDER BY a.id LIMIT %d`, verifyBatchSize)
}

// readAssessmentRows reads a batch of assessments' rows; lean reads only
// what their state and chain head need.
func (v *verifier) readAssessmentRows(ctx context.Context, b *ownerBatch, after int64, only, lean bool) error {
	arg := after
	if only {
		arg = after + 1
	}
	cols := assessmentColumns + `, a.list`
	if lean {
		cols = `a.id, a.uuid, a.subject, a.subject_kind, a.reviewer, a.snapshot_digest, a.assessed_on, a.deadlines, a.status, a.archived, a.revision`
	}
	rows, err := v.tx.QueryContext(ctx, `SELECT `+cols+`, a.event_count, a.event_head, COALESCE(s.uuid, ''), COALESCE(r.uuid, '')
		FROM assessments a LEFT JOIN subjects s ON s.id = a.subject_id LEFT JOIN assessments r ON r.id = a.revision_of
		WHERE a.id`+v.limit(only), arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		o := &ownerRows{}
		s := &o.aState
		var archived int
		var dest []any
		if lean {
			var status string
			dest = []any{&o.id, &s.UUID, &s.Subject, &s.SubjectKind, &s.Reviewer, &s.Digest, &s.AssessedOn, &o.rawJSON, &status, &archived, &s.Revision}
			if err := rows.Scan(append(dest, &o.count, &o.head, &s.SubjectUUID, &s.RevisionOf)...); err != nil {
				return err
			}
			s.Status = status
		} else {
			o.a = &assessmentRaw{}
			r := &o.a.row
			if err := rows.Scan(append(r.dest(), &o.a.list, &o.count, &o.head, &s.SubjectUUID, &s.RevisionOf)...); err != nil {
				return err
			}
			o.id, archived = r.a.ID, r.archived
			s.UUID, s.Subject, s.SubjectKind, s.Reviewer, s.Digest, s.AssessedOn = r.a.UUID, r.a.Subject, r.a.SubjectKind, r.a.Reviewer, r.digest, r.assessedOn
			s.Status, s.Revision, o.rawJSON = string(r.a.Status), r.a.Revision, r.deadlines
		}
		o.archiveFlag = assess.ArchiveFlag(archived)
		s.Archived = o.archiveFlag.Archived()
		o.leaf = ledger.Leaf{Scope: ledger.ScopeAssessment, UUID: s.UUID, ID: o.id, Records: o.count, Head: o.head}
		b.owners = append(b.owners, o)
	}
	return rows.Err()
}

func (v *verifier) readSubjectRows(ctx context.Context, b *ownerBatch, after int64, only bool) error {
	arg := after
	if only {
		arg = after + 1
	}
	rows, err := v.tx.QueryContext(ctx, `SELECT a.id, a.uuid, a.name, a.kind, a.owner, a.contacts, a.tier, a.notes, a.event_count, a.event_head,
		a.created_at, a.updated_at
		FROM subjects a WHERE a.id`+v.limit(only), arg)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		o := &ownerRows{}
		s := &o.sState
		if err := rows.Scan(&o.id, &s.UUID, &s.Name, &s.Kind, &s.Owner, &o.rawJSON, &s.Tier, &s.Notes, &o.count, &o.head,
			&o.subjectCreated, &o.subjectUpdated); err != nil {
			return err
		}
		o.subjectName = s.Name
		o.leaf = ledger.Leaf{Scope: ledger.ScopeSubject, UUID: s.UUID, ID: o.id, Records: o.count, Head: o.head}
		b.owners = append(b.owners, o)
	}
	return rows.Err()
}

// readEvents reads the records of owner ids lo to hi; a record of an
// owner the batch does not hold is an orphan. They come joined, one row
// per owner (verify_framed.go), and are split on the checking goroutine
// (finishRead); a batch that does not read back that way is read again
// row by row.
func (v *verifier) readEvents(ctx context.Context, b *ownerBatch, byID map[int64]*ownerRows, lo, hi int64) error {
	var orphanErr error
	ok, err := v.readFramed(ctx, v.framedEvents(b.c), lo, hi, len(eventColumns), func(id, count int64, text string) {
		if o := byID[id]; o != nil {
			o.eventsText, o.eventsCount = text, count
			return
		}
		events, err := parseEvents(id, count, text)
		if err != nil {
			orphanErr = err
		}
		for _, e := range events {
			b.add(byID, e)
		}
	})
	if err != nil || orphanErr != nil {
		return cmp.Or(err, orphanErr)
	}
	if ok {
		return nil
	}
	for _, o := range byID {
		o.eventsText = ""
	}
	b.orphan = nil
	return v.scanEvents(ctx, b, byID, `SELECT id, `+b.c.fk+`, seq, `+strings.Join(eventColumns[2:], ", ")+`
		FROM `+b.c.events+` WHERE `+b.c.fk+` BETWEEN ? AND ? ORDER BY `+b.c.fk+`, seq, id`, lo, hi)
}

// parseEvents splits an owner's joined records, and puts them in the
// order the row-by-row read gives (by sequence number, then id) if the
// database did not join them in that order.
func parseEvents(owner, count int64, text string) ([]Event, error) {
	events := make([]Event, 0, count)
	sorted := true
	err := splitFramed(text, len(eventColumns), func(f []string) error {
		e := Event{AssessmentID: owner}
		var err error
		if e.ID, err = parseInt("audit record id", f[0]); err != nil {
			return err
		}
		if e.Seq, err = parseInt("audit record number", f[1]); err != nil {
			return err
		}
		e.At, e.Actor, e.Kind, e.Target, e.Old, e.New, e.PrevHash, e.Hash = f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]
		if n := len(events); n > 0 && compareEvents(events[n-1], e) >= 0 {
			sorted = false
		}
		events = append(events, e)
		return nil
	})
	if !sorted {
		slices.SortFunc(events, compareEvents)
	}
	return events, err
}

func compareEvents(a, b Event) int {
	return cmp.Or(cmp.Compare(a.Seq, b.Seq), cmp.Compare(a.ID, b.ID))
}

// finishRead splits what readEvents and readAnswers left joined: the
// check's work, on the checking goroutines rather than the reader's.
func (o *ownerRows) finishRead() error {
	if o.eventsText != "" {
		events, err := parseEvents(o.id, o.eventsCount, o.eventsText)
		if err != nil {
			return err
		}
		o.events, o.eventsText = events, ""
	}
	if o.a != nil && o.a.answersText != "" {
		if err := o.a.parseAnswers(); err != nil {
			return err
		}
	}
	return nil
}

// eventColumns are the columns of a record, as readEvents reads them.
var eventColumns = []string{"id", "seq", "at", "actor", "kind", "target", "old_value", "new_value", "prev_hash", "hash"}

func (v *verifier) framedEvents(c chain) string {
	return framedQuery(v.sqlite(), c.events, c.fk, eventColumns, map[string]bool{"id": true, "seq": true}, "seq, id")
}

// sqlite: the framing is worded in SQLite's SQL, or in the team
// server's.
func (v *verifier) sqlite() bool { return !v.db.dialect.team() }

// add gives record e to its owner in the batch, or notes it as the
// batch's first orphan.
func (b *ownerBatch) add(byID map[int64]*ownerRows, e Event) {
	o := byID[e.AssessmentID]
	if o == nil {
		if b.orphan == nil || e.ID < b.orphan.EventID {
			b.orphan = &Break{Chain: chainName(b.c), OwnerID: e.AssessmentID, Seq: e.Seq, EventID: e.ID,
				Reason: fmt.Sprintf("the record belongs to a %s that no longer exists", chainName(b.c))}
		}
		return
	}
	o.events = append(o.events, e)
}

// scanEvents reads records row by row with query.
func (v *verifier) scanEvents(ctx context.Context, b *ownerBatch, byID map[int64]*ownerRows, query string, args ...any) error {
	rows, err := v.tx.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var e Event
		if err := rows.Scan(&e.ID, &e.AssessmentID, &e.Seq, &e.At, &e.Actor, &e.Kind, &e.Target, &e.Old, &e.New, &e.PrevHash, &e.Hash); err != nil {
			return err
		}
		b.add(byID, e)
	}
	return rows.Err()
}

// readSigned reads the leaves the ledger holds for the batch's owners,
// oldest first, and the states they name.
func (v *verifier) readSigned(ctx context.Context, b *ownerBatch, byID map[int64]*ownerRows, lo, hi int64) error {
	byUUID := make(map[string]*ownerRows, len(byID))
	for _, o := range byID {
		byUUID[o.leaf.UUID] = o
	}
	owners := `SELECT uuid FROM ` + b.c.owner + ` WHERE id BETWEEN ? AND ?`
	rows, err := v.tx.QueryContext(ctx, `SELECT l.seq, l.scope, l.uuid, l.owner_id, l.records, l.head, l.state, e.at, e.key_id
		FROM ledger_leaves l JOIN ledger e ON e.seq = l.seq WHERE l.uuid IN (`+owners+`) ORDER BY l.uuid, l.seq, l.idx`, lo, hi)
	if err != nil {
		return err
	}
	for rows.Next() {
		var l ledger.SignedLeaf
		var keyID string
		if err := rows.Scan(&l.Entry, &l.Scope, &l.UUID, &l.ID, &l.Records, &l.Head, &l.State, &l.At, &keyID); err != nil {
			rows.Close()
			return err
		}
		if o := byUUID[l.UUID]; o != nil {
			l.Signer = v.names[keyID]
			o.signed = append(o.signed, l)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	states := map[string]ledger.State{}
	rows, err = v.tx.QueryContext(ctx, `SELECT hash, state FROM ledger_states WHERE hash IN
		(SELECT l.state FROM ledger_leaves l WHERE l.uuid IN (`+owners+`))`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var h, s string
		if err := rows.Scan(&h, &s); err != nil {
			return err
		}
		states[h] = ledger.State(s)
	}
	for _, o := range byID {
		o.states = map[string]ledger.State{}
		for _, l := range o.signed {
			if s, ok := states[l.State]; ok {
				o.states[l.State] = s
			}
		}
	}
	return rows.Err()
}

// readAssessmentParts reads the answers, plan edits and sign-offs of
// assessment ids lo to hi.
func (v *verifier) readAssessmentParts(ctx context.Context, byID map[int64]*ownerRows, lo, hi int64) error {
	if err := v.readAnswers(ctx, byID, lo, hi); err != nil {
		return err
	}
	rows, err := v.tx.QueryContext(ctx, `SELECT assessment_id, finding_key, edit, updated_at, updated_by FROM plan_edits WHERE assessment_id BETWEEN ? AND ? ORDER BY assessment_id, finding_key`, lo, hi)
	if err != nil {
		return err
	}
	for rows.Next() {
		var id int64
		var p planRaw
		if err := rows.Scan(&id, &p.key, &p.edit, &p.updated, &p.by); err != nil {
			rows.Close()
			return err
		}
		if o := byID[id]; o != nil {
			o.a.plan = append(o.a.plan, p)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if err := v.readRevised(ctx, byID, lo, hi); err != nil {
		return err
	}
	rows, err = v.tx.QueryContext(ctx, `SELECT assessment_id, id, role, name, signed_on, decision, comment, audit_seq, at
		FROM signoffs WHERE assessment_id BETWEEN ? AND ? ORDER BY assessment_id, id`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var s signOffRaw
		if err := rows.Scan(&id, &s.id, &s.role, &s.name, &s.on, &s.decision, &s.comment, &s.seq, &s.at); err != nil {
			return err
		}
		if o := byID[id]; o != nil {
			o.a.signOffs = append(o.a.signOffs, s)
		}
	}
	return rows.Err()
}

// readRevised reads, for the revisions among assessment ids lo to hi,
// who saved each answer and plan edit of the assessment each revises,
// and when: one query for the batch, which finds nothing in a portfolio
// without revisions.
func (v *verifier) readRevised(ctx context.Context, byID map[int64]*ownerRows, lo, hi int64) error {
	rows, err := v.tx.QueryContext(ctx, `SELECT r.id, 0, x.question_id, x.updated_at, x.updated_by
		FROM assessments r JOIN answers x ON x.assessment_id = r.revision_of WHERE r.id BETWEEN ? AND ?
		UNION ALL SELECT r.id, 1, x.finding_key, x.updated_at, x.updated_by
		FROM assessments r JOIN plan_edits x ON x.assessment_id = r.revision_of WHERE r.id BETWEEN ? AND ?`, lo, hi, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id, plan int64
		var item string
		var s ledger.Stamp
		if err := rows.Scan(&id, &plan, &item, &s.At, &s.By); err != nil {
			return err
		}
		o := byID[id]
		if o == nil {
			continue
		}
		m := &o.a.revisedAnswers
		if plan != 0 {
			m = &o.a.revisedPlan
		}
		if *m == nil {
			*m = map[string]ledger.Stamp{}
		}
		(*m)[item] = s
	}
	return rows.Err()
}

// readAnswers reads the answers of assessment ids lo to hi, joined, one
// row per assessment (verify_framed.go), split by finishRead; or row by
// row when they do not read back that way. Their order is the order
// SQLite reads them in, by question; nothing depends on it but the key
// of the score cache, which only misses more often if two assessments'
// answers come in different orders.
func (v *verifier) readAnswers(ctx context.Context, byID map[int64]*ownerRows, lo, hi int64) error {
	query := framedQuery(v.sqlite(), "answers", "assessment_id", answerColumns, map[string]bool{"reviewed": true}, "question_id")
	ok, err := v.readFramed(ctx, query, lo, hi, len(answerColumns), func(id, count int64, text string) {
		if o := byID[id]; o != nil {
			o.a.answersText, o.a.answersCount = text, count
		}
	})
	if err != nil || ok {
		return err
	}
	for _, o := range byID {
		o.a.answersText = ""
	}
	rows, err := v.tx.QueryContext(ctx, `SELECT assessment_id, `+strings.Join(answerColumns, ", ")+`
		FROM answers WHERE assessment_id BETWEEN ? AND ? ORDER BY assessment_id, question_id`, lo, hi)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var a answerRaw
		if err := rows.Scan(&id, &a.qid, &a.value, &a.note, &a.evidence, &a.source, &a.reviewed, &a.updated, &a.by); err != nil {
			return err
		}
		if o := byID[id]; o != nil {
			o.a.answers = append(o.a.answers, a)
		}
	}
	return rows.Err()
}

// answerColumns are the columns of an answer, as readAnswers reads them.
var answerColumns = []string{"question_id", "value", "note", "evidence", "source", "reviewed", "updated_at", "updated_by"}

// parseAnswers splits the answers readAnswers left joined.
func (r *assessmentRaw) parseAnswers() error {
	r.answers = make([]answerRaw, 0, r.answersCount)
	err := splitFramed(r.answersText, len(answerColumns), func(f []string) error {
		reviewed, err := parseInt("answer "+f[0]+" reviewed", f[5])
		if err != nil {
			return err
		}
		r.answers = append(r.answers, answerRaw{qid: f[0], value: f[1], note: f[2], evidence: f[3], source: f[4], reviewed: int(reviewed), updated: f[6], by: f[7]})
		return nil
	})
	r.answersText = ""
	return err
}
