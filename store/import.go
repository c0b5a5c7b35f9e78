package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
	"github.com/assay-dev/assay/assess/ledger"
)

func unmarshalEdit(s string, e *assess.PlanEdit) error {
	if err := json.Unmarshal([]byte(s), e); err != nil {
		return fmt.Errorf("plan edit: %w", err)
	}
	return nil
}

// Import stores an assessment file (read by export.Unmarshal) as a new
// assessment of this database, in one transaction: everything or, on any
// problem, nothing. The file is checked first: the questionnaire must
// load and match its digest, every answer and plan edit must be valid for
// it, the audit chain must be whole (each record's hash, each link, the
// head), and every field must be what the trail and the signed head say,
// signed with a key this database's user trusts (export.Prove), and the
// file's unsigned date must be one it could have been made on
// (export.File.CheckDated). Errors name the file's field. The import
// itself is added to the audit trail.
func (db *DB) Import(ctx context.Context, f *export.File) (*assess.Assessment, error) {
	checked, err := db.CheckExport(ctx, f)
	if err != nil {
		return nil, err
	}
	q := checked.Questionnaire
	deadlines, err := assess.ParseDeadlines(f.Assessment.Deadlines)
	if err != nil {
		return nil, assess.Errorf(assess.EInvalid, "assessment.deadlines: %v", err)
	}
	rec := f.Assessment
	a := &assess.Assessment{
		UUID: rec.UUID, Subject: strings.TrimSpace(rec.Subject), SubjectKind: rec.SubjectKind, Reviewer: rec.Reviewer,
		Questionnaire: q, AssessedOn: rec.AssessedOn, Deadlines: deadlines, Status: assess.Lifecycle(rec.Status), Revision: rec.Revision,
	}
	if a.Revision == 0 {
		a.Revision = 1
	}
	dl, err := json.Marshal(deadlineDays(deadlines))
	if err != nil {
		return nil, err
	}
	store := func(tx *sql.Tx) error {
		err := db.storeImport(ctx, tx, f, checked, a, string(dl))
		if err != nil && db.dialect.isUnique(err) {
			return errImportRaced
		}
		return err
	}
	writeBegins()
	err = db.tx(ctx, store)
	if errors.Is(err, errImportRaced) {
		// Another window stored this assessment, or created its subject,
		// between this one's look and its insert (a team database's
		// transactions do not wait for each other's reads): once more,
		// this one finds them, and says the assessment is already here
		// or attaches it to the subject.
		err = db.tx(ctx, store)
	}
	if err != nil {
		return nil, err
	}
	return db.Assessment(ctx, a.ID)
}

// errImportRaced is an import's insert refused as a duplicate: another
// window stored the same assessment or subject at the same moment.
var errImportRaced = assess.Errorf(assess.EConflict, "another window imported this assessment or created its subject at the same moment; try again; nothing was imported")

// storeImport writes file f, as CheckExport found it (checked), as
// assessment a in tx, its deadlines as dl (Import).
func (db *DB) storeImport(ctx context.Context, tx *sql.Tx, f *export.File, checked *CheckedExport, a *assess.Assessment, dl string) error {
	q, proven, trusted, rec := checked.Questionnaire, checked.Proven, checked.trusted, f.Assessment
	var existing int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM assessments WHERE uuid = ?`, rec.UUID).Scan(&existing)
	if err == nil {
		return db.alreadyHere(ctx, tx, existing, f)
	}
	if !isNoRows(err) {
		return err
	}
	if err := db.dialect.mayImport(ctx, tx, importedNames(f)); err != nil {
		return err
	}
	// Read before the file's trail is in: its names are the file's word.
	known, err := db.knownNames(ctx, tx, trusted)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO questionnaire_snapshots
		(digest, questionnaire_id, version, source_name, source, stored_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		q.Digest, q.ID, q.Version, f.Questionnaire.SourceName, f.Questionnaire.Source, db.stamp()); err != nil {
		return err
	}
	if err := db.importSubject(ctx, tx, a, f.SubjectRecord); err != nil {
		return err
	}
	if err := db.attachSubject(ctx, tx, a); err != nil {
		return err
	}
	if a.RevisionOf, err = db.revisedHere(ctx, tx, proven.RevisionOf); err != nil {
		return err
	}
	// Inserted as a draft so that the locks on approved assessments
	// let its answers in; the status is set last.
	if err := tx.QueryRowContext(ctx, `INSERT INTO assessments
		(uuid, subject, subject_kind, subject_id, reviewer, snapshot_digest, assessed_on, deadlines, status, created_at, updated_at, revision, revision_of)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?) RETURNING id`,
		a.UUID, a.Subject, a.SubjectKind, a.SubjectID, a.Reviewer, q.Digest, a.AssessedOn.String(), dl,
		rec.CreatedAt, rec.UpdatedAt, a.Revision, nullID(a.RevisionOf)).Scan(&a.ID); err != nil {
		return err
	}
	for _, ans := range f.Answers {
		if _, err := db.writeAnswer(ctx, tx, a.ID, ans, ans.UpdatedAt.UTC().Format(time.RFC3339Nano), upsertAnswer); err != nil {
			return err
		}
	}
	for _, pe := range f.PlanEdits {
		b, err := json.Marshal(pe.Edit)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO plan_edits (assessment_id, finding_key, edit, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)`,
			a.ID, pe.Edit.Key, string(b), pe.UpdatedAt, pe.UpdatedBy); err != nil {
			return err
		}
	}
	for _, s := range f.SignOffs {
		if _, err := tx.ExecContext(ctx, `INSERT INTO signoffs (assessment_id, role, name, signed_on, decision, comment, audit_seq, at)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, a.ID, s.Role, s.Name, s.On.String(), s.Decision, s.Comment, s.Seq, s.At.UTC().Format(time.RFC3339Nano)); err != nil {
			return err
		}
	}
	for _, e := range f.Events {
		if _, err := tx.ExecContext(ctx, `INSERT INTO events (assessment_id, seq, at, actor, kind, target, old_value, new_value, prev_hash, hash)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, a.ID, e.Seq, e.At, e.Actor, e.Kind, e.Target, e.Old, e.New, e.PrevHash, e.Hash); err != nil {
			return err
		}
	}
	db.touch(tx, owner{assessmentChain, a.ID}, 1) // the whole chain arrives in this transaction
	archived := 0
	if rec.Archived {
		archived = 1
	}
	if _, err := tx.ExecContext(ctx, `UPDATE assessments SET event_count = ?, event_head = ?, status = ?, archived = ? WHERE id = ?`,
		len(f.Events), f.EventHead, rec.Status, archived, a.ID); err != nil {
		return err
	}
	head := f.Head.Assessment
	// The file's digest: which export this is, among several of one
	// assessment (assess.Imported).
	imported := map[string]any{"uuid": rec.UUID, "exported_at": f.ExportedAt, "exported_by": f.ExportedBy, "event_head": f.EventHead, "file_digest": f.Digest,
		"signed_by": proven.SignerName, "signed_key": head.Entry.KeyID, "signed_entry": head.Entry.Seq, "signed_entry_hash": head.Entry.Hash}
	// Whose key it is, as the importer trusts it: the file's names
	// (signed_by, exported_by) are the file's word; this one is not.
	if proven.Signer.Own {
		imported["signed_with_own_key"] = true
	} else {
		imported["signed_key_trusted_as"] = proven.Signer.Name
	}
	if like := assess.LooksLike(f.ExportedBy, known...); like != "" {
		imported["exported_by_looks_like"] = like
	}
	if alike := fileNamesAlike(f, known); len(alike) > 0 {
		imported["names_look_like"] = alike
	}
	if err := db.recordImported(ctx, tx, a.ID, imported); err != nil {
		return err
	}
	if err := db.appendEvent(ctx, tx, a.ID, "import", "assessment", nil, imported); err != nil {
		return err
	}
	return db.refreshSummary(ctx, tx, a.ID)
}

// CheckedExport is what CheckExport established of an assessment file.
type CheckedExport struct {
	// Questionnaire is the file's questionnaire, loaded from its source.
	Questionnaire *assess.Questionnaire
	// Proven is what export.Prove established: the signer of its head,
	// and the assessment it revises.
	Proven *export.Proven
	// Heads says whether this database could check that the file's
	// signed heads stood together (checkHeadsTogether).
	Heads   HeadsTogether
	trusted *ledger.Keyring
}

// CheckExport checks an assessment file as Import does before it stores
// anything, reading of the database only the keys its user trusts and
// its ledger: every
// field's form (export.File.CheckFields), the questionnaire against its
// SHA-256, every answer and plan edit against the questionnaire, the
// audit chain's links and hashes, the file's unsigned date
// (export.File.CheckDated), every field against its trail and its
// signed head (export.Prove), and, where this database holds the ledger
// the file was made from, that its two signed heads stood together
// (checkHeadsTogether). assay verify --against runs it on an export
// too, so that a copy is held to what import would hold it to. Errors
// name the file's field; a key the user does not trust is an
// *export.UntrustedKeyError, and a subject head past this database's
// ledger a *LedgerBehindError, as they are.
func (db *DB) CheckExport(ctx context.Context, f *export.File) (*CheckedExport, error) {
	q, err := db.checkImport(f)
	if err == nil {
		err = f.CheckDated(db.Now())
	}
	if err != nil {
		return nil, assess.Errorf(assess.EInvalid, "%v", err)
	}
	trusted, err := db.trusted()
	if err != nil {
		return nil, err
	}
	proven, err := export.Prove(f, trusted)
	var untrusted *export.UntrustedKeyError
	if errors.As(err, &untrusted) {
		return nil, err // as it is, for the caller to word when the key is the reader's own
	}
	if err != nil {
		return nil, assess.Errorf(assess.EInvalid, "%v", err)
	}
	heads, err := db.checkHeadsTogether(ctx, f, proven.SubjectUUID)
	var behind *LedgerBehindError
	if errors.As(err, &behind) {
		return nil, err // as it is, for verify --against to word as a rollback
	}
	if err != nil {
		return nil, assess.Errorf(assess.EInvalid, "%v", err)
	}
	return &CheckedExport{Questionnaire: q, Proven: proven, Heads: heads, trusted: trusted}, nil
}

// importedNames are the names the file's rows are recorded under: who
// last saved each answer and plan edit, who signed, who made each audit
// record.
func importedNames(f *export.File) []string {
	var names []string
	for _, a := range f.Answers {
		names = append(names, a.UpdatedBy)
	}
	for _, pe := range f.PlanEdits {
		names = append(names, pe.UpdatedBy)
	}
	for _, s := range f.SignOffs {
		names = append(names, s.Name)
	}
	for _, e := range f.Events {
		names = append(names, e.Actor)
	}
	return names
}

// importSubject creates the subject with the file's record when this
// database does not know it yet. A subject already here keeps its own
// record: it is this organisation's, and may be newer.
func (db *DB) importSubject(ctx context.Context, tx *sql.Tx, a *assess.Assessment, rec *export.SubjectRecord) error {
	if rec == nil {
		return nil
	}
	existing, err := db.subjectNamed(ctx, tx, strings.TrimSpace(a.Subject), 0)
	if err != nil || existing != nil {
		return err
	}
	s := &assess.Subject{Name: a.Subject, Kind: a.SubjectKind, Owner: strings.TrimSpace(rec.Owner),
		Contacts: append([]string(nil), rec.Contacts...), Notes: strings.TrimSpace(rec.Notes), SetTier: rec.Tier}
	// The file's names are recorded, signed and proven (export.Prove):
	// they stand as recorded, invisible characters and all.
	recorded := *s
	if err := s.ValidateAgainst(&recorded); err != nil {
		return assess.Errorf(assess.EInvalid, "subject_record: %v", err)
	}
	if err := db.insertSubject(ctx, tx, s); err != nil {
		return err
	}
	a.SubjectID = s.ID
	return nil
}

// revisedHere finds, by UUID, the approved assessment an imported revision
// revises, as its trail's creation record names it (export.Prove). The
// link is kept when that assessment is in this database, approved, holds
// the history the revision was made from (the record and hash its
// creation record names) and has no other revision (an approved
// assessment has at most one); otherwise the revision is imported
// unlinked, and the returned assessment shows it (RevisionOf 0).
func (db *DB) revisedHere(ctx context.Context, tx *sql.Tx, from ledger.Pin) (int64, error) {
	if from.Assessment == "" {
		return 0, nil
	}
	var id int64
	var status string
	err := tx.QueryRowContext(ctx, `SELECT id, status FROM assessments WHERE uuid = ?`, from.Assessment).Scan(&id, &status)
	if isNoRows(err) || (err == nil && status != string(assess.Approved)) {
		return 0, nil
	}
	if err != nil {
		return 0, err
	}
	var hash string
	err = tx.QueryRowContext(ctx, `SELECT hash FROM events WHERE assessment_id = ? AND seq = ?`, id, from.Records).Scan(&hash)
	if isNoRows(err) || (err == nil && hash != from.Head) {
		return 0, nil // not the history the revision was made from
	}
	if err != nil {
		return 0, err
	}
	var other int64
	err = tx.QueryRowContext(ctx, `SELECT id FROM assessments WHERE revision_of = ?`, id).Scan(&other)
	if err == nil {
		return 0, nil
	}
	if !isNoRows(err) {
		return 0, err
	}
	return id, nil
}

// checkImport checks an assessment file against itself: nothing here
// reads the database.
func (db *DB) checkImport(f *export.File) (*assess.Questionnaire, error) {
	if err := f.CheckFields(); err != nil {
		return nil, err
	}
	if err := f.Questionnaire.CheckDigest(); err != nil {
		return nil, err
	}
	q, err := db.decode(f.Questionnaire.SourceName, f.Questionnaire.Source)
	if err != nil {
		// The exporting assay loaded it; this one may be older than the
		// questionnaire's format.
		return nil, fmt.Errorf("questionnaire.source does not load: %v (a questionnaire written for a newer assay than this one does not load; "+
			"if the file comes from one, upgrade assay to import it)", err)
	}
	if q.ID != f.Questionnaire.ID || q.Version != f.Questionnaire.Version {
		return nil, fmt.Errorf("questionnaire: the file says %s %s but its source is %s %s", f.Questionnaire.ID, f.Questionnaire.Version, q.ID, q.Version)
	}
	switch assess.Lifecycle(f.Assessment.Status) {
	case assess.Draft, assess.InReview, assess.Approved, assess.Rejected:
	default:
		return nil, fmt.Errorf("assessment.status: unknown status %q", f.Assessment.Status)
	}
	if _, err := assess.ParseSubjectKind(f.Assessment.SubjectKind); err != nil {
		return nil, fmt.Errorf("assessment.subject_kind: %v", err)
	}
	seen := map[string]bool{}
	for i, a := range f.Answers {
		field := fmt.Sprintf("answers[%d]", i)
		qq, ok := q.Question(a.QuestionID)
		if !ok {
			return nil, fmt.Errorf("%s.question: questionnaire %s has no question %q", field, q.ID, a.QuestionID)
		}
		if seen[a.QuestionID] {
			return nil, fmt.Errorf("%s.question: %s is answered twice", field, a.QuestionID)
		}
		seen[a.QuestionID] = true
		if err := qq.Validate(a.Value, q.RiskMatrix); err != nil {
			return nil, fmt.Errorf("%s.value: %v", field, err)
		}
		if a.Source != assess.ByAnalyst && a.Source != assess.ByVendor {
			return nil, fmt.Errorf("%s.source: %q is neither analyst nor vendor", field, a.Source)
		}
	}
	keys := map[string]bool{}
	for i, pe := range f.PlanEdits {
		field := fmt.Sprintf("plan_edits[%d].edit", i)
		e := pe.Edit
		if e.Key == "" || keys[e.Key] {
			return nil, fmt.Errorf("%s.key: missing or repeated %q", field, e.Key)
		}
		keys[e.Key] = true
		if e.Status != "" {
			if _, err := assess.ParseItemStatus(string(e.Status)); err != nil {
				return nil, fmt.Errorf("%s.status: %v", field, err)
			}
		}
		if e.Status == assess.ItemAccepted {
			if e.Acceptance == nil {
				return nil, fmt.Errorf("%s.acceptance: an accepted risk needs approver, reason and expiry", field)
			}
			if err := e.Acceptance.Validate(); err != nil {
				return nil, fmt.Errorf("%s.acceptance: %v", field, err)
			}
		}
		if _, ok := q.Question(e.Key); !ok {
			return nil, fmt.Errorf("%s.key: questionnaire %s has no question %q", field, q.ID, e.Key)
		}
	}
	if err := checkChain(f.Events, f.EventHead); err != nil {
		return nil, err
	}
	for i, s := range f.SignOffs {
		if s.Seq < 1 || s.Seq > int64(len(f.Events)) || strings.TrimSpace(s.Name) == "" || s.On.IsZero() {
			return nil, fmt.Errorf("signoffs[%d]: a signature needs a name, a date and an audit record of this file", i)
		}
	}
	return q, nil
}

// checkChain checks that the audit records run 1, 2, 3..., that each
// record's hash matches its content and each links to the one before, and
// that the last is the head the file names, so that no record was edited,
// removed or added.
func checkChain(events []export.Event, head string) error {
	if len(events) == 0 {
		return fmt.Errorf("events: the audit trail is empty; an assessment always has its creation record")
	}
	prev := ""
	for i, x := range events {
		field := fmt.Sprintf("events[%d]", i)
		e := Event{Event: x} // computeHash leaves out the hash it is checked against
		switch {
		case x.Seq != int64(i+1):
			return fmt.Errorf("%s.seq: record %d where %d was expected: the audit chain is broken (a record is missing or out of order)", field, x.Seq, i+1)
		case x.PrevHash != prev:
			return fmt.Errorf("%s.prev_hash: does not match the record before: the audit chain is broken", field)
		case e.computeHash() != x.Hash:
			return fmt.Errorf("%s.hash: does not match the record's content: the audit chain is broken (the record was changed)", field)
		}
		prev = x.Hash
	}
	if head != prev {
		return fmt.Errorf("event_head: does not match the last audit record: the audit chain is broken (records were removed or added)")
	}
	return nil
}

// recordImported adds to an import record what this database made of the
// file: the subject it attached the assessment to and the approved
// assessment it linked it to, so that the trail says what the row holds
// (assess/ledger.ReplayAssessment).
func (db *DB) recordImported(ctx context.Context, tx *sql.Tx, id int64, rec map[string]any) error {
	var subject, kind, subjectUUID, revisionOf string
	err := tx.QueryRowContext(ctx, `SELECT a.subject, a.subject_kind, COALESCE(s.uuid, ''), COALESCE(r.uuid, '')
		FROM assessments a LEFT JOIN subjects s ON s.id = a.subject_id LEFT JOIN assessments r ON r.id = a.revision_of WHERE a.id = ?`, id).
		Scan(&subject, &kind, &subjectUUID, &revisionOf)
	if err != nil {
		return err
	}
	rec["subject"], rec["subject_kind"], rec["subject_uuid"], rec["revision_of_uuid"] = subject, kind, subjectUUID, revisionOf
	return nil
}
