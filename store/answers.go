package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"github.com/assay-dev/assay/assess"
)

// SaveAnswer records one answer durably before returning: the transaction
// commits with synchronous=FULL, so a crash or Ctrl-C afterwards loses
// nothing.
func (db *DB) SaveAnswer(ctx context.Context, id int64, a assess.Answer) error {
	return db.SaveAnswers(ctx, id, []assess.Answer{a})
}

// SaveAnswers records answers all together or not at all: every answer is
// validated against the assessment's questionnaire first.
func (db *DB) SaveAnswers(ctx context.Context, id int64, as []assess.Answer) error {
	actor := assess.ActorFrom(ctx)
	return db.tx(ctx, func(tx *sql.Tx) error {
		asmt, err := db.load(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := editable(asmt); err != nil {
			return err
		}
		q := asmt.Questionnaire
		for _, a := range as {
			qq, ok := q.Question(a.QuestionID)
			if !ok {
				return assess.Errorf(assess.EInvalid, "questionnaire %s has no question %q", q.ID, a.QuestionID)
			}
			if err := qq.Validate(a.Value, q.RiskMatrix); err != nil {
				return assess.Errorf(assess.EInvalid, "%v", err)
			}
			if err := checkAnswerText(a); err != nil {
				return assess.Errorf(assess.EInvalid, "question %s: %v", a.QuestionID, err)
			}
		}
		now := db.stamp()
		for _, a := range as {
			if a.Source == "" {
				a.Source = assess.ByAnalyst
			}
			if a.Source == assess.ByAnalyst {
				a.Reviewed = true
			}
			a.UpdatedBy = actor
			a.UpdatedAt = parseStamp(now)
			if err := db.writeAnswer(ctx, tx, id, a, now); err != nil {
				return err
			}
			old, had := asmt.Answers[a.QuestionID]
			var oldV any
			if had {
				oldV = answerRecord(old)
			}
			if err := db.appendEvent(ctx, tx, id, "answer", a.QuestionID, oldV, answerRecord(a)); err != nil {
				return err
			}
			asmt.Answers[a.QuestionID] = a
		}
		// The assessment in hand now holds what was written: score it
		// rather than read it all back, a third of a save's time.
		return db.writeSummary(ctx, tx, asmt, now)
	})
}

func checkAnswerText(a assess.Answer) error {
	if err := assess.CheckText("note", a.Note); err != nil {
		return err
	}
	for _, e := range a.Evidence {
		if err := assess.CheckText("evidence", e); err != nil {
			return err
		}
	}
	return nil
}

// editable refuses changes to an approved assessment: it is evidence.
func editable(a *assess.Assessment) error {
	return a.Editable()
}

// answerRecord is what the audit trail keeps of an answer.
func answerRecord(a assess.Answer) map[string]any {
	return map[string]any{"value": a.Value, "note": a.Note, "evidence": a.Evidence, "source": a.Source, "reviewed": a.Reviewed}
}

func (db *DB) writeAnswer(ctx context.Context, tx *sql.Tx, id int64, a assess.Answer, now string) error {
	value, err := json.Marshal(a.Value)
	if err != nil {
		return err
	}
	evidence, err := json.Marshal(nonNil(a.Evidence))
	if err != nil {
		return err
	}
	reviewed := 0
	if a.Reviewed {
		reviewed = 1
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO answers (assessment_id, question_id, value, note, evidence, source, reviewed, updated_at, updated_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (assessment_id, question_id) DO UPDATE SET
			value = excluded.value, note = excluded.note, evidence = excluded.evidence, source = excluded.source,
			reviewed = excluded.reviewed, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
		id, a.QuestionID, string(value), a.Note, string(evidence), string(a.Source), reviewed, now, a.UpdatedBy)
	return err
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
		var a assess.Answer
		var value, evidence, updated string
		var reviewed int
		if err := rows.Scan(&a.QuestionID, &value, &a.Note, &evidence, &a.Source, &reviewed, &updated, &a.UpdatedBy); err != nil {
			return nil, err
		}
		if err := json.Unmarshal([]byte(value), &a.Value); err != nil {
			return nil, fmt.Errorf("answer %s: %w", a.QuestionID, err)
		}
		if err := json.Unmarshal([]byte(evidence), &a.Evidence); err != nil {
			return nil, fmt.Errorf("answer %s evidence: %w", a.QuestionID, err)
		}
		if len(a.Evidence) == 0 {
			a.Evidence = nil
		}
		a.Reviewed = reviewed != 0
		a.UpdatedAt = parseStamp(updated)
		out[a.QuestionID] = a
	}
	return out, rows.Err()
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
		_, err = tx.ExecContext(ctx, `UPDATE assessments SET summary = ? WHERE id = ?`, string(b), a.ID)
	} else {
		_, err = tx.ExecContext(ctx, `UPDATE assessments SET summary = ?, updated_at = ? WHERE id = ?`, string(b), updated, a.ID)
	}
	return err
}
