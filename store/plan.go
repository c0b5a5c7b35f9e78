package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"github.com/assay-dev/assay/assess"
)

// ChangePlanItem applies a change to the remediation item key of
// assessment id, on day today, and returns the item's new edit. The change
// is applied inside the write transaction to the item as it is then, so
// that processes changing different fields of one item at once all keep
// their change, and the audit record's old value is the item each change
// was made to. A change that changes nothing writes nothing, and changed
// says so: the item may already read so, or another window may just have
// made the same change.
func (db *DB) ChangePlanItem(ctx context.Context, id int64, key string, ch assess.PlanChange, today assess.Date) (out assess.PlanEdit, changed bool, err error) {
	err = db.tx(ctx, func(tx *sql.Tx) error {
		changed = false // a transaction tried again starts afresh
		if err := db.lockAssessment(ctx, tx, id); err != nil {
			return err
		}
		a, err := db.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := editable(a); err != nil {
			return err
		}
		old, had := a.PlanEdits[key]
		if out, err = a.ChangePlanItem(key, ch, today); err != nil {
			return err
		}
		if err := checkPlanEdit(out); err != nil {
			return err
		}
		// A change that changes nothing writes nothing: not the owner it
		// has, nor an item's first edit that is empty (clearing the
		// milestones of an item that has none).
		if out.SameAs(old) {
			return nil
		}
		if err := db.checkPlanConflicts(ctx, tx, id, old, out, ch); err != nil {
			// As for answers (saveAnswers): a login that may not change
			// plans at all is told so before it is told to try again
			// with --overwrite, or offered O, to be refused then.
			var conflict *assess.ConflictError
			if errors.As(err, &conflict) {
				if refused := db.dialect.mayWrite(ctx, tx, "plan_edits"); refused != nil {
					return refused
				}
			}
			return err
		}
		changed = true
		b, err := json.Marshal(out)
		if err != nil {
			return err
		}
		now := db.stamp()
		if _, err := tx.ExecContext(ctx, `INSERT INTO plan_edits (assessment_id, finding_key, edit, updated_at, updated_by)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (assessment_id, finding_key) DO UPDATE SET
			edit = excluded.edit, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			id, out.Key, string(b), now, db.actor(ctx)); err != nil {
			return err
		}
		var oldV any
		if had {
			oldV = old
		}
		if err := db.appendEventAt(ctx, tx, id, now, "plan", out.Key, oldV, out); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE assessments SET updated_at = ? WHERE id = ?`, now, id); err != nil {
			return err
		}
		return db.refreshSummary(ctx, tx, id)
	})
	return out, changed && err == nil, err
}

// checkPlanConflicts refuses a change that would replace, unawares, a
// field of the item another person set (assess.PlanConflicts): who set
// each field last, and when, is read from the item's records in the
// trail, inside the write, so no change slips in between.
func (db *DB) checkPlanConflicts(ctx context.Context, tx *sql.Tx, id int64, cur, out assess.PlanEdit, ch assess.PlanChange) error {
	if ch.Over == nil && !ch.OwnOnly {
		return nil
	}
	set, err := db.planFieldsSet(ctx, tx, id, out.Key)
	if err != nil {
		return err
	}
	if theirs := assess.PlanConflicts(cur, out, ch, db.actor(ctx), set); len(theirs) > 0 {
		return &assess.ConflictError{Assessment: id, Fields: theirs}
	}
	return nil
}

// planFieldsSet reads who set each field of plan item key last, and when,
// from its records in the assessment's trail (planStamps).
func (db *DB) planFieldsSet(ctx context.Context, tx *sql.Tx, id int64, key string) (map[assess.PlanField]assess.FieldStamp, error) {
	all, err := db.planStamps(ctx, tx, id, key)
	if err != nil {
		return nil, err
	}
	if set := all[key]; set != nil {
		return set, nil
	}
	return map[assess.PlanField]assess.FieldStamp{}, nil
}

// planStamps reads who set each field of each plan item last, and when,
// from the items' records in the assessment's trail; of item only, when
// only is not "". A revision's first records copy the assessment it
// revises under the reviser's name; they are not the reviser setting the
// fields, so who set them is read from the assessment revised (or,
// imported without it, no one did).
func (db *DB) planStamps(ctx context.Context, tx *sql.Tx, id int64, only string) (assess.PlanStamps, error) {
	copies, revised, err := revisionCopies(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	set := assess.PlanStamps{}
	if revised != 0 {
		if set, err = db.planStamps(ctx, tx, revised, only); err != nil {
			return nil, err
		}
	}
	query := `SELECT target, at, actor, old_value, new_value FROM events
		WHERE assessment_id = ? AND kind = 'plan' AND seq > ?`
	args := []any{id, copies}
	if only != "" {
		query += ` AND target = ?`
		args = append(args, only)
	}
	rows, err := tx.QueryContext(ctx, query+` ORDER BY seq`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var key, at, actor, oldV, newV string
		if err := rows.Scan(&key, &at, &actor, &oldV, &newV); err != nil {
			return nil, err
		}
		var old, now assess.PlanEdit
		for _, v := range []struct {
			text string
			into *assess.PlanEdit
		}{{oldV, &old}, {newV, &now}} {
			if v.text == "" {
				continue // the item's first edit: nothing before it
			}
			if err := json.Unmarshal([]byte(v.text), v.into); err != nil {
				return nil, unreadable("assessment", id, "plan record of "+key, err)
			}
		}
		if set[key] == nil {
			set[key] = map[assess.PlanField]assess.FieldStamp{}
		}
		assess.Stamp(set[key], old, now, assess.FieldStamp{By: actor, At: parseStamp(at)})
	}
	return set, rows.Err()
}

// revisionCopies is the sequence number of a revision's last record that
// copies the assessment it revises (its revise record, then one record
// for each answer and plan edit copied), and the assessment it revises if
// that is in the database; 0 and 0 for an assessment that is no revision.
func revisionCopies(ctx context.Context, tx *sql.Tx, id int64) (last, revised int64, err error) {
	var created string
	err = tx.QueryRowContext(ctx, `SELECT e.new_value, COALESCE(a.revision_of, 0) FROM events e JOIN assessments a ON a.id = e.assessment_id
		WHERE e.assessment_id = ? AND e.seq = 1 AND e.kind = 'revise'`, id).Scan(&created, &revised)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, err
	}
	var counts struct {
		Answers   int64 `json:"answers_copied"`
		PlanEdits int64 `json:"plan_edits_copied"`
	}
	if err := json.Unmarshal([]byte(created), &counts); err != nil {
		return 0, 0, unreadable("assessment", id, "revise record", err)
	}
	return 1 + counts.Answers + counts.PlanEdits, revised, nil
}

// checkPlanEdit is the store's own check of an edit before it is written.
func checkPlanEdit(e assess.PlanEdit) error {
	if e.Status == assess.ItemAccepted {
		if e.Acceptance == nil {
			return assess.Errorf(assess.EInvalid, "accepting a risk needs approver, reason, expiry date")
		}
		if err := e.Acceptance.Validate(); err != nil {
			return assess.Errorf(assess.EInvalid, "%v", err)
		}
	}
	for field, text := range map[string]string{"owner": e.Owner, "action": e.Action, "due reason": e.DueReason} {
		if err := assess.CheckText(field, text); err != nil {
			return assess.Errorf(assess.EInvalid, "%v", err)
		}
	}
	return nil
}

func (db *DB) planEdits(ctx context.Context, tx *sql.Tx, id int64) (map[string]assess.PlanEdit, error) {
	rows, err := tx.QueryContext(ctx, `SELECT finding_key, edit FROM plan_edits WHERE assessment_id = ?`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]assess.PlanEdit{}
	for rows.Next() {
		var key, edit string
		if err := rows.Scan(&key, &edit); err != nil {
			return nil, err
		}
		var e assess.PlanEdit
		if err := json.Unmarshal([]byte(edit), &e); err != nil {
			return nil, unreadable("assessment", id, "plan edit of "+key, err)
		}
		out[key] = e
	}
	return out, rows.Err()
}
