package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// CreateAssessment stores a new assessment and its questionnaire snapshot.
func (db *DB) CreateAssessment(ctx context.Context, a *assess.Assessment) error {
	// The subject is given by its ID or its name: a name as recorded
	// stands (assess.KeepName), checked against the record below.
	given := strings.TrimSpace(a.Subject)
	if err := assess.CheckStoredName("subject name", given); err != nil {
		return err
	}
	a.Subject = given
	var err error
	if assess.NameKey(a.Subject) == "" && a.SubjectID == 0 {
		return assess.Errorf(assess.EInvalid, "an assessment needs a subject")
	}
	if a.Reviewer, err = assess.CleanName("reviewer", a.Reviewer); err != nil {
		return err
	}
	q := a.Questionnaire
	if a.UUID == "" {
		a.UUID = assess.NewUUID()
	}
	if a.Status == "" {
		a.Status = assess.Draft
	}
	if a.Deadlines == nil {
		a.Deadlines = assess.DefaultDeadlines().Merge(q.Deadlines)
	}
	if a.AssessedOn.IsZero() {
		a.AssessedOn = assess.DateOf(db.Now())
	}
	if err := assess.ResolveDeadlines(a.Deadlines).DueDatesInRange(a.AssessedOn); err != nil {
		return err
	}
	if a.Answers == nil {
		a.Answers = assess.Answers{}
	}
	if a.PlanEdits == nil {
		a.PlanEdits = map[string]assess.PlanEdit{}
	}
	now := db.stamp()
	a.CreatedAt, a.UpdatedAt = parseStamp(now), parseStamp(now)
	deadlines, err := json.Marshal(deadlineDays(a.Deadlines))
	if err != nil {
		return err
	}
	if a.Revision == 0 {
		a.Revision = 1
	}
	return db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.attachSubject(ctx, tx, a); err != nil {
			return err
		}
		if given != "" && given != a.Subject {
			// Not the recorded name but one that only shares its key
			// (assess.NameKey): a name given anew.
			if _, err := assess.CleanName("subject name", given); err != nil {
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO questionnaire_snapshots
			(digest, questionnaire_id, version, source_name, source, stored_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
			q.Digest, q.ID, q.Version, q.SourceName, q.Source, now); err != nil {
			return err
		}
		err := tx.QueryRowContext(ctx, `INSERT INTO assessments
			(uuid, subject, subject_kind, subject_id, reviewer, snapshot_digest, assessed_on, deadlines, status, created_at, updated_at, revision, revision_of)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
			a.UUID, a.Subject, a.SubjectKind, a.SubjectID, a.Reviewer, q.Digest, a.AssessedOn.String(), string(deadlines), string(a.Status), now, now,
			a.Revision, nullID(a.RevisionOf)).Scan(&a.ID)
		if err != nil {
			if db.dialect.isUnique(err) {
				return assess.Errorf(assess.EConflict, "an assessment with id %s already exists", a.UUID)
			}
			return err
		}
		created := map[string]any{"subject": a.Subject, "subject_id": a.SubjectID, "questionnaire": q.ID + " " + q.Version, "digest": q.Digest, "reviewer": a.Reviewer, "assessed_on": a.AssessedOn.String(), "status": a.Status}
		if err := db.recordFixed(ctx, tx, a.ID, created); err != nil {
			return err
		}
		if err := db.appendEvent(ctx, tx, a.ID, "create", "assessment", nil, created); err != nil {
			return err
		}
		db.cache(q)
		return db.refreshSummary(ctx, tx, a.ID)
	})
}

// deadlineDays turns Deadlines into a JSON-friendly map keyed by name.
func deadlineDays(d assess.Deadlines) map[string]int {
	out := map[string]int{}
	for s, days := range d {
		out[s.String()] = days
	}
	return out
}

func parseDeadlines(s string) (assess.Deadlines, error) {
	var m map[string]int
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		return nil, err
	}
	out := assess.Deadlines{}
	for name, days := range m {
		sev, err := assess.ParseSeverity(name)
		if err != nil {
			return nil, err
		}
		out[sev] = days
	}
	return out, nil
}

const assessmentColumns = `a.id, a.uuid, a.subject, a.subject_kind, a.reviewer, a.snapshot_digest, a.assessed_on,
	a.deadlines, a.status, a.archived, a.created_at, a.updated_at, a.summary,
	COALESCE(a.subject_id, 0), a.revision, COALESCE(a.revision_of, 0)`

type assessmentRow struct {
	a                                                  assess.Assessment
	digest, assessedOn, deadlines, created, updated, s string
	archived                                           int
}

func (r *assessmentRow) dest() []any {
	return []any{&r.a.ID, &r.a.UUID, &r.a.Subject, &r.a.SubjectKind, &r.a.Reviewer, &r.digest, &r.assessedOn,
		&r.deadlines, &r.a.Status, &r.archived, &r.created, &r.updated, &r.s,
		&r.a.SubjectID, &r.a.Revision, &r.a.RevisionOf}
}

// finish converts the row's text columns; the snapshot is attached later.
func (r *assessmentRow) finish() (*assess.Assessment, error) {
	a := r.a
	var err error
	if a.AssessedOn, err = assess.ParseDate(r.assessedOn); err != nil {
		return nil, fmt.Errorf("assessment %d: %w", a.ID, err)
	}
	if a.Deadlines, err = parseDeadlines(r.deadlines); err != nil {
		return nil, unreadable("assessment", a.ID, "deadlines", err)
	}
	if a.Summary, err = decodeSummary(r.s); err != nil {
		return nil, unreadable("assessment", a.ID, "stored summary", err)
	}
	a.Archive = assess.ArchiveFlag(r.archived)
	a.CreatedAt, a.UpdatedAt = parseStamp(r.created), parseStamp(r.updated)
	return &a, nil
}

// Assessment loads one assessment with everything in it.
func (db *DB) Assessment(ctx context.Context, id int64) (*assess.Assessment, error) {
	var a *assess.Assessment
	err := db.view(ctx, func(tx *sql.Tx) error {
		var err error
		a, err = db.load(ctx, tx, id)
		return err
	})
	return a, err
}

func (db *DB) load(ctx context.Context, tx *sql.Tx, id int64) (*assess.Assessment, error) {
	var r assessmentRow
	err := tx.QueryRowContext(ctx, `SELECT `+assessmentColumns+` FROM assessments a WHERE a.id = ?`, id).Scan(r.dest()...)
	if isNoRows(err) {
		return nil, notFound(id)
	}
	if err != nil {
		return nil, err
	}
	a, err := r.finish()
	if err != nil {
		return nil, err
	}
	if a.Questionnaire, err = db.snapshot(ctx, tx, r.digest); err != nil {
		return nil, err
	}
	if a.Answers, err = db.answers(ctx, tx, id); err != nil {
		return nil, err
	}
	if a.PlanEdits, err = db.planEdits(ctx, tx, id); err != nil {
		return nil, err
	}
	if a.SignOffs, err = db.signOffs(ctx, tx, id); err != nil {
		return nil, err
	}
	if a.RevisedApproval, err = db.revisedApproval(ctx, tx, a.RevisionOf); err != nil {
		return nil, err
	}
	if a.Imported, err = db.imported(ctx, tx, id); err != nil {
		return nil, err
	}
	if a.Explanations, a.CarriedNotHere, err = db.explanationsOf(ctx, tx, id); err != nil {
		return nil, err
	}
	if submission, ok := a.Submission(); ok {
		if a.AsSubmitted, err = db.asSubmitted(ctx, tx, id, submission); err != nil {
			return nil, err
		}
	}
	return a, nil
}

func (db *DB) cache(q *assess.Questionnaire) {
	db.mu.Lock()
	defer db.mu.Unlock()
	db.snapshots[q.Digest] = q
}

// snapshot returns the parsed questionnaire an assessment pinned.
func (db *DB) snapshot(ctx context.Context, tx *sql.Tx, digest string) (*assess.Questionnaire, error) {
	db.mu.Lock()
	q, ok := db.snapshots[digest]
	db.mu.Unlock()
	if ok {
		return q, nil
	}
	var name string
	var src []byte
	if err := tx.QueryRowContext(ctx, `SELECT source_name, source FROM questionnaire_snapshots WHERE digest = ?`, digest).Scan(&name, &src); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			// The row an assessment's foreign key names is gone: only a
			// change outside assay, with foreign keys off, removes it.
			return nil, snapshotGone(digest)
		}
		return nil, fmt.Errorf("questionnaire snapshot %s: %w", digest, err)
	}
	q, err := db.decode(name, src)
	if err != nil {
		return nil, fmt.Errorf("questionnaire snapshot %s no longer loads: %w", name, err)
	}
	db.cache(q)
	return q, nil
}

// snapshotGone names a snapshot an assessment's foreign key names that is
// not in the database.
func snapshotGone(digest string) error {
	return fmt.Errorf("questionnaire snapshot %s: not in the database: it was deleted outside assay", digest)
}

// SetArchived archives or restores an assessment. An assessment in
// review or approved is not archived (assess.ArchivingRefused), nor one
// whose archive flag was set outside assay (restoring it puts it right).
func (db *DB) SetArchived(ctx context.Context, id int64, archived bool) error {
	return db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.lockAssessment(ctx, tx, id); err != nil {
			return err
		}
		var stored int
		var status string
		err := tx.QueryRowContext(ctx, `SELECT archived, status FROM assessments WHERE id = ?`, id).Scan(&stored, &status)
		if isNoRows(err) {
			return notFound(id)
		}
		if err != nil {
			return err
		}
		flag := assess.ArchiveFlag(stored)
		if archived && flag.SetOutsideAssay() {
			// It reads as archived already, but assay never wrote it:
			// taken as done, the tampering went unsaid. Refused as any
			// change to it is, with how to put it right.
			return (&assess.Assessment{ID: id, Archive: flag}).Editable()
		}
		was := flag.Archived()
		if was == archived {
			return nil
		}
		if archived {
			if err := db.archivingRefused(id, assess.Lifecycle(status)); err != nil {
				return err
			}
		}
		return db.archiveRefusal(db.writeArchived(ctx, tx, id, was, archived), id, "archive")
	})
}

// writeArchived sets id's archived flag from was to archived, with its
// audit record, in tx, which holds id's lock.
func (db *DB) writeArchived(ctx context.Context, tx *sql.Tx, id int64, was, archived bool) error {
	now := db.stamp() // the row's and its record's: verify holds the one to the other
	flag := int64(assess.ArchiveFlagOf(archived))
	if _, err := tx.ExecContext(ctx, `UPDATE assessments SET archived = ?, updated_at = ? WHERE id = ?`, flag, now, id); err != nil {
		return err
	}
	return db.appendEventAt(ctx, tx, id, now, "archive", "assessment", was, archived)
}

// recordFixed adds to a creation record what never changes afterwards and
// was not recorded before the ledger (assess/ledger.ReplayAssessment):
// the UUIDs, the subject's kind, the pinned deadlines and the revision
// link, so that the trail alone says what the row must hold.
func (db *DB) recordFixed(ctx context.Context, tx *sql.Tx, id int64, rec map[string]any) error {
	var uuid, subjectUUID, kind, deadlines, revisionOf, created string
	var revision int
	err := tx.QueryRowContext(ctx, `SELECT a.uuid, COALESCE(s.uuid, ''), a.subject_kind, a.deadlines, a.revision, COALESCE(r.uuid, ''), a.created_at
		FROM assessments a LEFT JOIN subjects s ON s.id = a.subject_id LEFT JOIN assessments r ON r.id = a.revision_of WHERE a.id = ?`, id).
		Scan(&uuid, &subjectUUID, &kind, &deadlines, &revision, &revisionOf, &created)
	if err != nil {
		return err
	}
	rec["uuid"], rec["subject_uuid"], rec["subject_kind"] = uuid, subjectUUID, kind
	rec["deadlines"] = json.RawMessage(deadlines)
	rec["revision"], rec["revision_of_uuid"] = revision, revisionOf
	// The row's creation time, which verify and import then hold the row
	// to exactly (ledger.CheckStamps): it is taken before the write lock,
	// so the record's own time can be later by any wait.
	rec["created_at"] = created
	return nil
}
