package store

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"sort"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// Review moves an assessment through its lifecycle (submit, approve,
// reject, withdraw), signed by the actor in ctx on day on with a comment.
// The signature and the change of state are two audit records of one
// transaction. It returns the assessment as it now is.
//
// A submit or an approval of an assessment holding vendor answers nobody
// confirmed is refused unless opts holds assess.AcceptUnconfirmed; the
// acceptance is then an audit record of the same transaction, before the
// signature.
func (db *DB) Review(ctx context.Context, id int64, action assess.Action, on assess.Date, comment string, opts ...assess.ReviewOption) (*assess.Assessment, error) {
	sig, err := assess.NewSignOff(action, db.actor(ctx), on, comment)
	if err != nil {
		return nil, assess.ActionError(id, action, err)
	}
	return db.changeLocked(ctx, id, func(tx *sql.Tx, a *assess.Assessment) error {
		if err := db.signingArchivedRefused(a, string(action)); err != nil {
			return err
		}
		to, err := assess.Transition(a.Status, action)
		if err != nil {
			if a.Status == assess.Approved {
				if ap, ok := a.Approval(); ok {
					err = assess.Errorf(assess.ErrorCode(err), "%v (approved by %s on %s)", err, ap.Name, ap.On)
				}
			}
			return assess.ActionError(id, action, err)
		}
		// A team's server refuses the submitter's approval and rejection
		// itself (assay_signoff), four_eyes set or not.
		if (action == assess.ActApprove || action == assess.ActReject) && db.FourEyes {
			if err := assess.CheckFourEyes(a, sig.Name, action); err != nil {
				return assess.ActionError(id, action, err)
			}
		}
		// A use the law forbids is not approved, whoever asks: the
		// committee rejects it, saying the system must not be used.
		if action == assess.ActApprove {
			if err := assess.ApprovalForbidden(a); err != nil {
				return err
			}
		}
		// What the approver's screen showed must still be what is signed.
		if (action == assess.ActApprove || action == assess.ActReject) && assess.ChangedSinceSeen(a, opts) {
			who, err := db.seenChangedWords(ctx, tx, a, opts)
			if err != nil {
				return err
			}
			return assess.Errorf(assess.EConflict, "cannot %s assessment %d: its answers or plan changed after you opened it to sign (%s); look at it again, then sign; nothing was recorded",
				action, id, who)
		}
		if action == assess.ActApprove && !a.Summary.Complete {
			return assess.Errorf(assess.EConflict, "cannot approve assessment %d: %d of %d questions answered; an incomplete assessment cannot be approved",
				id, a.Summary.Answered, a.Summary.Total)
		}
		follows := assess.FollowsDay(a, sig)
		revised := a.RevisedApproval // read with a (revisedApproval)
		if revised != nil && revised.On.After(follows) {
			follows = revised.On
		}
		acceptedOn, err := db.acceptancesSigned(ctx, tx, a, action)
		if err != nil {
			return err
		}
		if _, on, ok := assess.NewestAcceptance(acceptedOn); ok && on.After(follows) {
			follows = on
		}
		// A colleague ahead in time may have signed the step before on
		// what is still tomorrow here: a step signed today takes its day.
		sig, today := assess.SigningToday(sig, assess.DateOf(db.Now()), follows)
		if err := assess.SignOffDateRefused(a, sig, today); err != nil {
			return err
		}
		if revised != nil {
			if err := assess.RevisionSignOffDateRefused(a, sig, *revised); err != nil {
				return err
			}
		}
		if err := assess.AcceptanceSignOffDateRefused(a, sig, acceptedOn); err != nil {
			return err
		}
		if err := assess.UnnamedRisksRefused(a, action); err != nil {
			return err
		}
		if err := assess.DisagreementsRefused(a, action); err != nil {
			return err
		}
		open, err := assess.UnconfirmedToAccept(a, action, slices.Contains(opts, assess.AcceptUnconfirmed))
		if err != nil {
			return err
		}
		if len(open) > 0 {
			rec := map[string]any{"action": action, "count": len(open), "questions": open}
			if err := db.appendEvent(ctx, tx, id, "accept", "unconfirmed-vendor-answers", nil, rec); err != nil {
				return err
			}
		}
		if err := db.sign(ctx, tx, id, &sig); err != nil {
			if db.dialect.fourEyesRefused(err) {
				return fourEyesRefusal(id, action, sig.Name)
			}
			return db.archiveRefusal(err, id, string(action))
		}
		now := db.stamp() // the row's and its record's: verify holds the one to the other
		if _, err := tx.ExecContext(ctx, `UPDATE assessments SET status = ?, updated_at = ? WHERE id = ?`, string(to), now, id); err != nil {
			return db.archiveRefusal(err, id, string(action))
		}
		return db.appendEventAt(ctx, tx, id, now, "status", "assessment", a.Status, to)
	})
}

// RecordDPOOpinion records the data protection officer's opinion on a
// privacy assessment, signed by the actor in ctx. It does not change the
// assessment's state; the reviewer still approves or rejects.
func (db *DB) RecordDPOOpinion(ctx context.Context, id int64, on assess.Date, opinion, comment string) (*assess.Assessment, error) {
	return db.changeLocked(ctx, id, func(tx *sql.Tx, a *assess.Assessment) error {
		if err := db.signingArchivedRefused(a, "record a DPO opinion on"); err != nil {
			return err
		}
		sig, err := assess.NewDPOOpinion(a, db.actor(ctx), on, opinion, comment)
		if err != nil {
			return err
		}
		if err := assess.SignOffDateRefused(a, sig, assess.DateOf(db.Now())); err != nil {
			return err
		}
		return db.archiveRefusal(db.sign(ctx, tx, id, &sig), id, "record a DPO opinion on")
	})
}

// sign stores a signature and its audit record. The signature notes the
// audit record the signed state ends at (the one before its own).
func (db *DB) sign(ctx context.Context, tx *sql.Tx, id int64, s *assess.SignOff) error {
	if err := tx.QueryRowContext(ctx, `SELECT event_count FROM assessments WHERE id = ?`, id).Scan(&s.Seq); err != nil {
		return err
	}
	at := db.stamp()
	s.At = parseStamp(at)
	if err := tx.QueryRowContext(ctx, `INSERT INTO signoffs (assessment_id, role, name, signed_on, decision, comment, audit_seq, at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`, id, s.Role, s.Name, s.On.String(), s.Decision, s.Comment, s.Seq, at).Scan(&s.ID); err != nil {
		return err
	}
	signOffInserted()
	return db.appendEvent(ctx, tx, id, "signoff", s.Role, nil, s)
}

// signOffInserted is called inside a sign-off's transaction once its row
// is inserted, before its audit record: a binary built for tests stops
// there (stop_hooks.go), to be killed with the sign-off half written.
var signOffInserted = func() {}

func (db *DB) signOffs(ctx context.Context, tx *sql.Tx, id int64) ([]assess.SignOff, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, role, name, signed_on, decision, comment, audit_seq, at FROM signoffs WHERE assessment_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []assess.SignOff
	for rows.Next() {
		var s assess.SignOff
		var on, at string
		if err := rows.Scan(&s.ID, &s.Role, &s.Name, &on, &s.Decision, &s.Comment, &s.Seq, &at); err != nil {
			return nil, err
		}
		if s.On, err = assess.ParseDate(on); err != nil {
			return nil, fmt.Errorf("sign-off %d: %w", s.ID, err)
		}
		s.At = parseStamp(at)
		out = append(out, s)
	}
	return out, rows.Err()
}

// Revise starts a revision of an approved assessment: a new draft with the
// same subject, questionnaire snapshot, assessment date and deadlines, a
// copy of its answers and plan edits and of the explanations standing for
// those answers, revision number n+1, linked to it.
// The approved assessment itself never changes. An approved assessment has
// at most one revision; revise the latest one.
func (db *DB) Revise(ctx context.Context, id int64) (*assess.Assessment, error) {
	var out *assess.Assessment
	err := db.tx(ctx, func(tx *sql.Tx) error {
		if err := db.lockAssessment(ctx, tx, id); err != nil {
			return err
		}
		src, err := db.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if src.Status != assess.Approved {
			return assess.Errorf(assess.EConflict, "assessment %d is %s, not approved: change it directly; only an approved assessment needs a revision", id, src.Status)
		}
		if err := db.signingArchivedRefused(src, "revise"); err != nil {
			return err
		}
		var next int64
		err = tx.QueryRowContext(ctx, `SELECT id FROM assessments WHERE revision_of = ?`, id).Scan(&next)
		if err == nil {
			return assess.Errorf(assess.EConflict, "assessment %d already has a revision, assessment %d: change or revise that one", id, next)
		}
		if !isNoRows(err) {
			return err
		}
		var head string
		var count int64
		if err := tx.QueryRowContext(ctx, `SELECT event_count, event_head FROM assessments WHERE id = ?`, id).Scan(&count, &head); err != nil {
			return err
		}
		now := db.stamp()
		uuid := assess.NewUUID()
		var nid int64
		err = tx.QueryRowContext(ctx, `INSERT INTO assessments
			(uuid, subject, subject_kind, subject_id, reviewer, snapshot_digest, assessed_on, deadlines, status, created_at, updated_at, revision, revision_of)
			SELECT CAST(? AS TEXT), subject, subject_kind, subject_id, CAST(? AS TEXT), snapshot_digest, assessed_on, deadlines, CAST(? AS TEXT),
				CAST(? AS TEXT), CAST(? AS TEXT), revision + 1, id
			FROM assessments WHERE id = ? RETURNING id`, uuid, db.actor(ctx), string(assess.Draft), now, now, id).Scan(&nid)
		if err != nil {
			return db.archiveRefusal(err, id, "revise")
		}
		ra, err := tx.ExecContext(ctx, `INSERT INTO answers (assessment_id, question_id, value, note, evidence, source, reviewed, updated_at, updated_by)
			SELECT CAST(? AS INTEGER), question_id, value, note, evidence, source, reviewed, updated_at, updated_by FROM answers WHERE assessment_id = ?`, nid, id)
		if err != nil {
			return err
		}
		nAnswers, _ := ra.RowsAffected()
		rp, err := tx.ExecContext(ctx, `INSERT INTO plan_edits (assessment_id, finding_key, edit, updated_at, updated_by)
			SELECT CAST(? AS INTEGER), finding_key, edit, updated_at, updated_by FROM plan_edits WHERE assessment_id = ?`, nid, id)
		if err != nil {
			return err
		}
		nEdits, _ := rp.RowsAffected()
		revisionCopied()
		copied, err := copiedStamps(ctx, tx, id)
		if err != nil {
			return err
		}
		created := map[string]any{
			"subject": src.Subject, "subject_id": src.SubjectID,
			"questionnaire": src.Questionnaire.ID + " " + src.Questionnaire.Version, "digest": src.Questionnaire.Digest,
			"assessed_on": src.AssessedOn.String(), "status": assess.Draft,
			"revision": src.Revision + 1, "revision_of": id, "revision_of_uuid": src.UUID,
			// The approved chain this one continues: its length and head hash.
			"revision_of_events": count, "revision_of_head": head,
			"answers_copied": nAnswers, "plan_edits_copied": nEdits,
			// Who saved each, and when: the copies keep it, and verify
			// holds them to it (ledger.CheckStamp).
			"copied_stamps": copied,
			"reviewer":      db.actor(ctx),
		}
		if err := db.recordFixed(ctx, tx, nid, created); err != nil {
			return err
		}
		if err := db.appendEvent(ctx, tx, nid, "revise", "assessment", nil, created); err != nil {
			return err
		}
		// Each copied answer and plan edit is a record of the revision's own
		// trail, so that the trail alone accounts for everything in it.
		for _, qid := range sortedKeys(src.Answers) {
			if err := db.appendEvent(ctx, tx, nid, "answer", qid, nil, answerRecord(src.Answers[qid])); err != nil {
				return err
			}
		}
		for _, key := range sortedKeys(src.PlanEdits) {
			if err := db.appendEvent(ctx, tx, nid, "plan", key, nil, src.PlanEdits[key]); err != nil {
				return err
			}
		}
		// The explanations standing for the answers copied stay with
		// them: a record of the reviser's, naming who wrote each and
		// the record it is carried from (explain.go).
		for _, c := range src.CarriedExplanations() {
			if err := db.appendEvent(ctx, tx, nid, assess.ExplainKind, c.Check, nil, c.Record); err != nil {
				return err
			}
		}
		if err := db.refreshSummary(ctx, tx, nid); err != nil {
			return err
		}
		out, err = db.load(ctx, tx, nid)
		return err
	})
	return out, err
}

// revisionCopied is called inside a revision's transaction once its
// assessment row, answers and plan edits are copied, before any of its
// audit records: a binary built for tests stops there (stop_hooks.go),
// to be killed with the revision half made.
var revisionCopied = func() {}

// copiedStamps reads who saved each answer and plan edit of assessment
// id, and when, as its rows keep them: what a revision copies.
func copiedStamps(ctx context.Context, tx *sql.Tx, id int64) (ledger.Copied, error) {
	c := ledger.Copied{Answers: map[string]ledger.Stamp{}, Plan: map[string]ledger.Stamp{}}
	for _, q := range []struct {
		query string
		into  map[string]ledger.Stamp
	}{
		{`SELECT question_id, updated_at, updated_by FROM answers WHERE assessment_id = ?`, c.Answers},
		{`SELECT finding_key, updated_at, updated_by FROM plan_edits WHERE assessment_id = ?`, c.Plan},
	} {
		rows, err := tx.QueryContext(ctx, q.query, id)
		if err != nil {
			return c, err
		}
		for rows.Next() {
			var item string
			var s ledger.Stamp
			if err := rows.Scan(&item, &s.At, &s.By); err != nil {
				rows.Close()
				return c, err
			}
			q.into[item] = s
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return c, err
		}
	}
	return c, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
