package store

import (
	"context"
	"database/sql"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/export"
)

// Export reads everything about assessment id into an assessment file:
// the questionnaire snapshot as stored, answers, plan edits with who made
// them, signatures, the audit trail record for record, and the signed head
// that proves them (export.Head). An assessment no signed ledger entry
// covers yet, or that differs from the last one that does, is refused.
func (db *DB) Export(ctx context.Context, id int64) (*export.File, error) {
	f := &export.File{Format: export.FormatName, FormatVersion: export.FormatVersion, ExportedAt: db.stamp(), ExportedBy: db.actor(ctx)}
	err := db.view(ctx, func(tx *sql.Tx) error {
		a, err := db.load(ctx, tx, id)
		if err != nil {
			return err
		}
		var created, updated, digest string
		var archived int
		if err := tx.QueryRowContext(ctx, `SELECT created_at, updated_at, snapshot_digest, archived, event_head FROM assessments WHERE id = ?`, id).
			Scan(&created, &updated, &digest, &archived, &f.EventHead); err != nil {
			return err
		}
		f.Assessment = export.AssessmentRecord{
			UUID: a.UUID, Subject: a.Subject, SubjectKind: a.SubjectKind, Reviewer: a.Reviewer, AssessedOn: a.AssessedOn,
			Deadlines: deadlineDays(a.Deadlines), Status: string(a.Status), Archived: assess.ArchiveFlag(archived).Archived(), Revision: a.Revision,
			CreatedAt: created, UpdatedAt: updated,
		}
		if f.SubjectRecord, err = db.subjectRecordOf(ctx, tx, a.SubjectID); err != nil {
			return err
		}
		if f.Head, err = db.headOf(ctx, tx, a); err != nil {
			return err
		}
		if a.RevisionOf != 0 {
			if err := tx.QueryRowContext(ctx, `SELECT uuid FROM assessments WHERE id = ?`, a.RevisionOf).Scan(&f.Assessment.RevisionOf); err != nil {
				return err
			}
		}
		s := &f.Questionnaire
		if err := tx.QueryRowContext(ctx, `SELECT digest, questionnaire_id, version, source_name, source FROM questionnaire_snapshots WHERE digest = ?`, digest).
			Scan(&s.Digest, &s.ID, &s.Version, &s.SourceName, &s.Source); err != nil {
			return err
		}
		// Answers and plan edits in question order, so that an export
		// reads like the questionnaire and two exports compare line by line.
		f.Answers = []assess.Answer{}
		for _, qq := range a.Questionnaire.Questions {
			if ans, ok := a.Answers[qq.ID]; ok {
				f.Answers = append(f.Answers, ans)
			}
		}
		f.PlanEdits = []export.PlanEditRecord{}
		rows, err := tx.QueryContext(ctx, `SELECT edit, updated_at, updated_by FROM plan_edits WHERE assessment_id = ? ORDER BY finding_key`, id)
		if err != nil {
			return err
		}
		var raw []struct{ edit, at, by string }
		for rows.Next() {
			var r struct{ edit, at, by string }
			if err := rows.Scan(&r.edit, &r.at, &r.by); err != nil {
				rows.Close()
				return err
			}
			raw = append(raw, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		for _, r := range raw {
			var rec export.PlanEditRecord
			if err := unmarshalEdit(r.edit, &rec.Edit); err != nil {
				return err
			}
			rec.UpdatedAt, rec.UpdatedBy = r.at, r.by
			f.PlanEdits = append(f.PlanEdits, rec)
		}
		f.SignOffs = a.SignOffs
		if f.SignOffs == nil {
			f.SignOffs = []assess.SignOff{}
		}
		for i := range f.SignOffs {
			f.SignOffs[i].ID = 0 // a row id means nothing in another database
		}
		erows, err := tx.QueryContext(ctx, `SELECT seq, at, actor, kind, target, old_value, new_value, prev_hash, hash
			FROM events WHERE assessment_id = ? ORDER BY seq`, id)
		if err != nil {
			return err
		}
		defer erows.Close()
		f.Events = []export.Event{}
		for erows.Next() {
			var e export.Event
			if err := erows.Scan(&e.Seq, &e.At, &e.Actor, &e.Kind, &e.Target, &e.Old, &e.New, &e.PrevHash, &e.Hash); err != nil {
				return err
			}
			f.Events = append(f.Events, e)
		}
		return erows.Err()
	})
	if err != nil {
		return nil, err
	}
	return f, nil
}

// subjectRecordOf is the subject's record for an export, nil when there is
// nothing in it besides the name and kind.
func (db *DB) subjectRecordOf(ctx context.Context, tx *sql.Tx, id int64) (*export.SubjectRecord, error) {
	if id == 0 {
		return nil, nil
	}
	s, err := db.subjectRow(ctx, tx, `id = ?`, id)
	if err != nil || s == nil {
		return nil, err
	}
	if s.Owner == "" && len(s.Contacts) == 0 && s.Notes == "" && s.SetTier == "" {
		return nil, nil
	}
	return &export.SubjectRecord{Owner: s.Owner, Contacts: s.Contacts, Notes: s.Notes, Tier: s.SetTier}, nil
}

// headOf is the signed head of an assessment and its subject, as an
// export carries it.
func (db *DB) headOf(ctx context.Context, tx *sql.Tx, a *assess.Assessment) (*export.Head, error) {
	p, err := db.currentProof(ctx, tx, owner{assessmentChain, a.ID})
	if err != nil {
		return nil, err
	}
	if p == nil {
		return nil, assess.Errorf(assess.EConflict, "assessment %d has no signed head yet: this database was written by an assay from before signing; "+
			"run assay key to sign it as it is, then export again", a.ID)
	}
	h := &export.Head{Assessment: p}
	if a.SubjectID != 0 {
		if h.Subject, err = db.currentProof(ctx, tx, owner{subjectChain, a.SubjectID}); err != nil {
			return nil, err
		}
	}
	return h, nil
}
