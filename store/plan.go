package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/assay-dev/assay/assess"
)

// SavePlanEdit records what people changed on a remediation item.
func (db *DB) SavePlanEdit(ctx context.Context, id int64, e assess.PlanEdit) error {
	if e.Key == "" {
		return assess.Errorf(assess.EInvalid, "a plan edit needs the finding it belongs to")
	}
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
	return db.tx(ctx, func(tx *sql.Tx) error {
		a, err := db.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := editable(a); err != nil {
			return err
		}
		old, had := a.PlanEdits[e.Key]
		b, err := json.Marshal(e)
		if err != nil {
			return err
		}
		now := db.stamp()
		if _, err := tx.ExecContext(ctx, `INSERT INTO plan_edits (assessment_id, finding_key, edit, updated_at, updated_by)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (assessment_id, finding_key) DO UPDATE SET
			edit = excluded.edit, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
			id, e.Key, string(b), now, assess.ActorFrom(ctx)); err != nil {
			return err
		}
		var oldV any
		if had {
			oldV = old
		}
		if err := db.appendEvent(ctx, tx, id, "plan", e.Key, oldV, e); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE assessments SET updated_at = ? WHERE id = ?`, now, id); err != nil {
			return err
		}
		return db.refreshSummary(ctx, tx, id)
	})
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
			return nil, fmt.Errorf("plan edit %s: %w", key, err)
		}
		out[key] = e
	}
	return out, rows.Err()
}
