package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// SaveAnswer records one answer durably before returning: the transaction
// commits with synchronous=FULL, so a crash or Ctrl-C afterwards loses
// nothing.
func (db *DB) SaveAnswer(ctx context.Context, id int64, a assess.Answer) error {
	return db.SaveAnswers(ctx, id, []assess.Answer{a})
}

// SaveAnswers records answers all together or not at all: every answer is
// validated against the assessment's questionnaire first.
//
// A save is one transaction of three prepared statements: upsert each
// answer, append each audit record, and store the new chain head with the
// summary. The assessment comes from the save cache (savecache.go) when
// there is a copy: the last statement then also checks that the chain
// head and PRAGMA data_version are still those of the copy, and if they
// are not, the transaction is rolled back and the save done again from
// the database: the head and the assessment read first, in full. On the
// team database the save from the copy is sent to the server in one
// exchange, its checks made there (postgres_save.go).
func (db *DB) SaveAnswers(ctx context.Context, id int64, as []assess.Answer) error {
	return db.saveAnswers(ctx, id, as, nil)
}

// ReplaceAnswers records answers as SaveAnswers does, each over the
// answer its author saw (seen, by question; a question not in seen was
// unanswered). If someone else changed one of them since, nothing is
// recorded and the error is an *assess.ConflictError with each such answer
// as it now is: who saved it, when, and what it says (assess.Conflicts).
//
// The check runs inside the write, against the answers as they are under
// the write lock (SQLite's, or the assessment's row lock on the server),
// so no change can slip in between the check and the commit.
func (db *DB) ReplaceAnswers(ctx context.Context, id int64, as []assess.Answer, seen assess.Answers) error {
	return db.saveAnswers(ctx, id, as, func(now assess.Answers) []assess.Answer {
		return assess.Conflicts(now, seen, as)
	})
}

// SaveOwnAnswers records answers as SaveAnswers does, replacing only
// answers their author saved last (the login in team mode, else the
// reviewer name): an answer someone else saved, which the author has not
// been shown, is refused as ReplaceAnswers refuses a stale one
// (assess.OthersAnswers). The command line saves this way.
func (db *DB) SaveOwnAnswers(ctx context.Context, id int64, as []assess.Answer) error {
	me := db.actor(ctx)
	return db.saveAnswers(ctx, id, as, func(now assess.Answers) []assess.Answer {
		return assess.OthersAnswers(now, me, as)
	})
}

// conflicts finds, in the answers as they are inside the write, those a
// save must not replace; nil checks nothing (SaveAnswers).
type conflicts func(now assess.Answers) []assess.Answer

// saveAnswers is SaveAnswers, refusing what check finds.
func (db *DB) saveAnswers(ctx context.Context, id int64, as []assess.Answer, check conflicts) error {
	if err := db.stmts.prepare(ctx, db.sql, saveQueries...); err != nil {
		return db.failure(err) // preparing reads the schema, which can be busy too
	}
	if s := db.saves.take(id); s != nil {
		err := db.saveCached(ctx, s, as, check)
		if err != errStale {
			if err == nil {
				db.saves.put(s)
			}
			return err
		}
	}
	s := &saveState{id: id}
	err := db.tx(ctx, func(tx *sql.Tx) error {
		err := db.queryRow(ctx, tx, saveHeadQuery, id).Scan(&s.count, &s.head, &s.version, &s.subjectUUID, &s.revisionOf)
		if isNoRows(err) {
			return notFound(id)
		}
		if db.dialect.lockWaitExpired(err) { // saveHeadQuery takes the row lock
			return db.heldElsewhere(ctx, owner{assessmentChain, id})
		}
		if err != nil {
			return err
		}
		if s.a, err = db.load(ctx, tx, id); err != nil {
			return err
		}
		if err := db.saveInto(ctx, tx, s, as, check); err != nil {
			if err == errStale {
				return fmt.Errorf("assessment %d changed while it was being saved", id)
			}
			var conflict *assess.ConflictError
			if errors.As(err, &conflict) {
				// A conflict has the person try again over the other
				// answer (--overwrite, O in the workspace). A login that
				// may not answer at all would only be refused then:
				// that refusal, which no retry lifts, comes first. A
				// save from the cache finds its conflicts here too
				// (staleUnlessRefused), so only a conflict costs the query.
				if refused := db.dialect.mayWrite(ctx, tx, "answers"); refused != nil {
					return refused
				}
			}
			return err
		}
		return nil
	})
	if err == nil {
		db.saves.put(s)
	}
	return err
}

// saveCached saves as to the cached copy s: in one pipeline where the
// database takes one (dialect.saveCached, PostgreSQL), else in a
// transaction. Whatever the database refused, the copy may be out of
// date (an audit record number taken, a status changed, an answer
// someone else gave, another login's ledger entry): it returns errStale,
// and the caller saves again from the database, where a conflict is
// checked again too.
func (db *DB) saveCached(ctx context.Context, s *saveState, as []assess.Answer, check conflicts) error {
	if done, err := db.dialect.saveCached(ctx, db, s, as, check); done {
		return err
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.lockAssessment(ctx, tx, s.id); err != nil {
			// Held by another session past the lock wait: saving again
			// from the database would wait as long once more.
			return staleUnlessRefused(err)
		}
		return staleUnlessRefused(db.saveInto(ctx, tx, s, as, check))
	})
}

// staleUnlessRefused is err if it is the store's refusal of the save
// (invalid, not editable), else errStale.
func staleUnlessRefused(err error) error {
	if _, refused := err.(*assess.Error); err != nil && !refused {
		return errStale
	}
	return err
}

// errStale says a save from a cached copy found the assessment changed.
var errStale = errors.New("the cached assessment is out of date")

// saveInto validates and writes as to the assessment s holds, in tx, and
// leaves s as the database will be once tx commits. It returns errStale if
// the assessment's chain head or the data version is no longer s's, and
// a conflict if check finds one (ReplaceAnswers, SaveOwnAnswers).
func (db *DB) saveInto(ctx context.Context, tx *sql.Tx, s *saveState, as []assess.Answer, check conflicts) error {
	p, err := db.planSave(ctx, s, as, check)
	if err != nil || len(p.writes) == 0 {
		return err
	}
	for _, w := range p.writes {
		if err := db.execAnswer(ctx, tx, w.how, w.question, w.args); err != nil {
			return err
		}
		if err := db.insertEvent(ctx, tx, assessmentChain, w.event); err != nil {
			return err
		}
	}
	res, err := db.exec(ctx, tx, saveSummaryQuery, p.summaryArgs(s)...)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return errStale
	}
	// The row is now what s says, at the data version s read: seal need
	// not read back the assessment's state or the ledger's tip.
	t := db.touchedOf(tx)
	db.knowTip(t, s.version)
	leaf, state := s.leaf()
	t.knowLeaf(owner{assessmentChain, s.id}, leaf, state)
	return nil
}

// savePlan is what a save writes, worked out in full before any of it is
// written: the SQLite path runs its statements one by one, the
// PostgreSQL path sends them all at once (postgres_save.go).
type savePlan struct {
	writes   []answerWrite
	summary  string // the new summary, as stored
	list     string // the list's columns of it
	now      string // the save's time
	prevHead string // the chain head the save starts from
}

// answerWrite is one answer's row and the audit record of its change.
type answerWrite struct {
	question string
	how      answerHow
	args     []any // answerQueries[how]'s
	event    Event
}

// summaryArgs are saveSummaryQuery's: the new summary and chain head,
// where the row still has the head and data version the save began from.
func (p *savePlan) summaryArgs(s *saveState) []any {
	return []any{p.summary, p.list, p.now, s.count, s.head, s.id, p.prevHead, s.version}
}

// planSave validates as against the assessment s holds and works out what
// saving them writes, leaving s as the database will be once that is
// written. It refuses an assessment that is not editable, and what check
// finds.
func (db *DB) planSave(ctx context.Context, s *saveState, as []assess.Answer, check conflicts) (*savePlan, error) {
	asmt := s.a
	if err := editable(asmt); err != nil {
		return nil, err
	}
	if check != nil {
		if theirs := check(asmt.Answers); len(theirs) > 0 {
			return nil, &assess.ConflictError{Assessment: s.id, Theirs: theirs}
		}
	}
	if len(as) == 0 {
		// Nothing to write (a file whose every answer is recorded
		// already): not even the row's time of last change, which
		// would then be later than its last audit record, and an
		// export of it refused by import as altered.
		return &savePlan{prevHead: s.head}, nil
	}
	q := asmt.Questionnaire
	given := as
	as = make([]assess.Answer, len(given))
	for i, a := range given {
		a, err := assess.CleanAnswer(a)
		if err != nil {
			return nil, assess.Errorf(assess.EInvalid, "question %s: %v", a.QuestionID, err)
		}
		as[i] = a
		qq, ok := q.Question(a.QuestionID)
		if !ok {
			return nil, assess.Errorf(assess.EInvalid, "questionnaire %s has no question %q", q.ID, a.QuestionID)
		}
		if err := qq.Validate(a.Value, q.RiskMatrix); err != nil {
			return nil, assess.Errorf(assess.EInvalid, "%v", err)
		}
	}
	actor := db.actor(ctx)
	p := &savePlan{now: db.stamp(), prevHead: s.head}
	for _, a := range as {
		if a.Source == "" {
			a.Source = assess.ByAnalyst
		}
		if a.Source == assess.ByAnalyst {
			a.Reviewed = true
		}
		a.UpdatedBy = actor
		a.UpdatedAt = parseStamp(p.now)
		rec := answerRecord(a) // as given, as the trail has always recorded it
		old, had := asmt.Answers[a.QuestionID]
		w := answerWrite{question: a.QuestionID, how: insertAnswer}
		if had {
			w.how = updateAnswer
		}
		var err error
		if w.args, a, err = answerArgs(s.id, a, p.now); err != nil {
			return nil, err
		}
		var oldV any
		if had {
			oldV = answerRecord(old)
		}
		if w.event, err = db.nextEvent(ctx, s.id, s.count, s.head, p.now, "answer", a.QuestionID, oldV, rec); err != nil {
			return nil, err
		}
		p.writes = append(p.writes, w)
		s.count, s.head = w.event.Seq, w.event.Hash
		asmt.Answers[a.QuestionID] = a
	}
	// The assessment in hand now holds what was written: score it
	// rather than read it all back.
	asmt.Summary = assess.Summarize(assess.Evaluate(asmt, assess.DateOf(db.Now())))
	sum, err := json.Marshal(asmt.Summary)
	if err != nil {
		return nil, err
	}
	p.summary, p.list = string(sum), encodeList(asmt.Summary)
	asmt.UpdatedAt = parseStamp(p.now)
	return p, nil
}

// leaf is the assessment's ledger leaf and state as the save leaves them:
// what leafOf would read back from the row.
func (s *saveState) leaf() (ledger.Leaf, ledger.State) {
	a := s.a
	state := ledger.AssessmentStateOf(ledger.AssessmentState{
		UUID: a.UUID, SubjectUUID: s.subjectUUID, Subject: a.Subject, SubjectKind: a.SubjectKind, Reviewer: a.Reviewer,
		Digest: a.Questionnaire.Digest, AssessedOn: a.AssessedOn.String(), Deadlines: deadlineDays(a.Deadlines), Status: string(a.Status),
		Archived: a.Archive.Archived(), Revision: a.Revision, RevisionOf: s.revisionOf,
	})
	return ledger.Leaf{Scope: ledger.ScopeAssessment, UUID: a.UUID, ID: s.id, Records: s.count, Head: s.head, State: state.Hash()}, state
}

// The save path's statements, prepared once (stmts.go). saveHeadQuery
// reads the audit chain's head and the data version of a save from the
// database; saveSummaryQuery stores the new chain head with the summary
// (one statement where appendTo takes two) if the head and the data
// version are still those the save started from.
const (
	saveHeadQuery = `SELECT a.event_count, a.event_head, v.data_version, COALESCE(s.uuid, ''), COALESCE(r.uuid, '')
		FROM assessments a LEFT JOIN subjects s ON s.id = a.subject_id LEFT JOIN assessments r ON r.id = a.revision_of,
		pragma_data_version v WHERE a.id = ?`
	insertAnswerQuery = `INSERT INTO answers (value, note, evidence, source, reviewed, updated_at, updated_by, assessment_id, question_id)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
	updateAnswerQuery = `UPDATE answers SET value = ?, note = ?, evidence = ?, source = ?, reviewed = ?, updated_at = ?, updated_by = ?
		WHERE assessment_id = ? AND question_id = ?`
	upsertAnswerQuery = insertAnswerQuery + `
		ON CONFLICT (assessment_id, question_id) DO UPDATE SET
			value = excluded.value, note = excluded.note, evidence = excluded.evidence, source = excluded.source,
			reviewed = excluded.reviewed, updated_at = excluded.updated_at, updated_by = excluded.updated_by`
	saveSummaryQuery = `UPDATE assessments SET summary = ?, list = ?, updated_at = ?, event_count = ?, event_head = ?
		WHERE id = ? AND event_head = ? AND (SELECT data_version FROM pragma_data_version) = ?`
)

var saveQueries = append([]string{saveHeadQuery, insertAnswerQuery, updateAnswerQuery, insertEventQuery(assessmentChain), saveSummaryQuery}, ledgerQueries...)

// editable refuses changes to an approved assessment: it is evidence.
func editable(a *assess.Assessment) error {
	return a.Editable()
}

// answerRecord is what the audit trail keeps of an answer
// (ledger.AnswerRecord).
func answerRecord(a assess.Answer) ledger.AnswerRecord { return ledger.AnswerRecordOf(a) }

// answerHow is how an answer is stored. A save knows whether the
// question had an answer and inserts or updates it; an upsert runs both
// of migration 002's lock triggers, and took a third longer.
type answerHow int

const (
	upsertAnswer answerHow = iota
	insertAnswer
	updateAnswer
)

var answerQueries = [...]string{upsertAnswer: upsertAnswerQuery, insertAnswer: insertAnswerQuery, updateAnswer: updateAnswerQuery}

// writeAnswer stores a and returns it as reading it back would give it
// (answerArgs). An update that finds no answer to update is an error: the
// caller's copy of the assessment was out of date.
func (db *DB) writeAnswer(ctx context.Context, tx *sql.Tx, id int64, a assess.Answer, now string, how answerHow) (assess.Answer, error) {
	args, a, err := answerArgs(id, a, now)
	if err != nil {
		return a, err
	}
	return a, db.execAnswer(ctx, tx, how, a.QuestionID, args)
}

// execAnswer runs answerQueries[how] with args (answerArgs). An update
// that finds no answer of question to update is an error.
func (db *DB) execAnswer(ctx context.Context, tx *sql.Tx, how answerHow, question string, args []any) error {
	res, err := db.exec(ctx, tx, answerQueries[how], args...)
	if err != nil {
		return err
	}
	if how == updateAnswer {
		if n, err := res.RowsAffected(); err != nil || n != 1 {
			return fmt.Errorf("answer %s to update not found", question)
		}
	}
	return nil
}

// answerArgs are the arguments of answerQueries that store a, and a as
// reading it back would give it: its value through a JSON round trip, no
// evidence as nil. The save cache keeps that, so a cached and a loaded
// assessment are the same.
func answerArgs(id int64, a assess.Answer, now string) ([]any, assess.Answer, error) {
	value, err := json.Marshal(a.Value)
	if err != nil {
		return nil, a, err
	}
	evidence, err := json.Marshal(nonNil(a.Evidence))
	if err != nil {
		return nil, a, err
	}
	reviewed := 0
	if a.Reviewed {
		reviewed = 1
	}
	args := []any{string(value), a.Note, string(evidence), string(a.Source), reviewed, now, a.UpdatedBy, id, a.QuestionID}
	a.Value = assess.Value{}
	if err := json.Unmarshal(value, &a.Value); err != nil {
		return nil, a, err
	}
	a.Evidence = slices.Clone(a.Evidence) // the caller's slice is the caller's
	if len(a.Evidence) == 0 {
		a.Evidence = nil
	}
	return args, a, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func (db *DB) answers(ctx context.Context, tx *sql.Tx, id int64) (assess.Answers, error) {
	rows, err := tx.QueryContext(ctx, `SELECT question_id, value, note, evidence, source, reviewed, updated_at, updated_by
		FROM answers WHERE assessment_id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := assess.Answers{}
	for rows.Next() {
		var r answerRaw
		if err := rows.Scan(&r.qid, &r.value, &r.note, &r.evidence, &r.source, &r.reviewed, &r.updated, &r.by); err != nil {
			return nil, err
		}
		a, err := r.decode(id)
		if err != nil {
			return nil, err
		}
		out[a.QuestionID] = a
	}
	return out, rows.Err()
}

// answerRaw is an answer's row as stored.
type answerRaw struct {
	qid, value, note, evidence, source, updated, by string
	reviewed                                        int
}

// decode reads an answer's row.
func (r answerRaw) decode(assessment int64) (assess.Answer, error) {
	a := assess.Answer{QuestionID: r.qid, Note: r.note, Source: assess.Source(r.source), UpdatedBy: r.by}
	var err error
	if a.Value, err = decodeValue(r.value); err != nil {
		return a, unreadable("assessment", assessment, "answer to "+a.QuestionID, err)
	}
	if a.Evidence, err = decodeStrings(r.evidence); err != nil {
		return a, unreadable("assessment", assessment, "evidence for "+a.QuestionID, err)
	}
	if len(a.Evidence) == 0 {
		a.Evidence = nil
	}
	a.Reviewed = r.reviewed != 0
	a.UpdatedAt = parseStamp(r.updated)
	return a, nil
}

// refreshSummary re-scores the assessment inside the transaction that
// changed it, so the list never shows a stale level.
func (db *DB) refreshSummary(ctx context.Context, tx *sql.Tx, id int64) error {
	a, err := db.load(ctx, tx, id)
	if err != nil {
		return err
	}
	return db.writeSummary(ctx, tx, a, "")
}

// writeSummary stores the summary of a, as loaded and changed in tx, and
// sets its update time when updated is not empty.
func (db *DB) writeSummary(ctx context.Context, tx *sql.Tx, a *assess.Assessment, updated string) error {
	s := assess.Summarize(assess.Evaluate(a, assess.DateOf(db.Now())))
	b, err := json.Marshal(s)
	if err != nil {
		return err
	}
	if updated == "" {
		_, err = tx.ExecContext(ctx, `UPDATE assessments SET summary = ?, list = ? WHERE id = ?`, string(b), encodeList(s), a.ID)
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE assessments SET summary = ?, list = ?, updated_at = ? WHERE id = ?`, string(b), encodeList(s), updated, a.ID)
	}
	return err
}
