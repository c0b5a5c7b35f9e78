package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"slices"

	"github.com/assay-dev/assay/assess"
)

// verifyState checks that what the assessment holds is what its intact
// audit trail last recorded: each answer, each plan edit, the status and
// the signatures. A row changed, added or removed in the tables directly
// (bypassing assay and so the trail) shows here, named with the record it
// contradicts.
func (db *DB) verifyState(ctx context.Context, tx *sql.Tx, id int64, events []Event) (*Break, error) {
	a, err := db.load(ctx, tx, id)
	if err != nil {
		return nil, err
	}
	var status string
	if err := tx.QueryRowContext(ctx, `SELECT status FROM assessments WHERE id = ?`, id).Scan(&status); err != nil {
		return nil, err
	}
	lastAnswer, lastPlan := map[string]Event{}, map[string]Event{}
	var signoffs []Event
	trailStatus, statusAt := string(assess.Draft), Event{}
	for _, e := range events {
		switch e.Kind {
		case "answer":
			lastAnswer[e.Target] = e
		case "plan":
			lastPlan[e.Target] = e
		case "signoff":
			signoffs = append(signoffs, e)
		case "status":
			if err := json.Unmarshal([]byte(e.New), &trailStatus); err != nil {
				return brkAt(id, e, "the record does not read as a status"), nil
			}
			statusAt = e
		case "create", "revise":
			var rec struct {
				Status string `json:"status"`
			}
			if json.Unmarshal([]byte(e.New), &rec) == nil && rec.Status != "" {
				trailStatus, statusAt = rec.Status, e
			}
		}
	}
	brk := func(e Event, format string, args ...any) *Break { return brkAt(id, e, format, args...) }
	for _, qid := range sortedKeys(a.Answers) {
		e, ok := lastAnswer[qid]
		if !ok {
			return brk(Event{}, "answer %s has no audit record: it was written outside assay", qid), nil
		}
		if !sameAnswer(a.Answers[qid], e.New) {
			return brk(e, "answer %s is not what this record says: it was changed outside assay", qid), nil
		}
	}
	for _, qid := range sortedKeys(lastAnswer) {
		if _, ok := a.Answers[qid]; !ok {
			return brk(lastAnswer[qid], "answer %s recorded here is missing: it was deleted outside assay", qid), nil
		}
	}
	for _, key := range sortedKeys(a.PlanEdits) {
		e, ok := lastPlan[key]
		if !ok {
			return brk(Event{}, "plan item %s has no audit record: it was written outside assay", key), nil
		}
		var rec assess.PlanEdit
		got, _ := json.Marshal(a.PlanEdits[key])
		if json.Unmarshal([]byte(e.New), &rec) != nil {
			return brk(e, "the record does not read as a plan edit"), nil
		}
		if want, _ := json.Marshal(rec); string(got) != string(want) {
			return brk(e, "plan item %s is not what this record says: it was changed outside assay", key), nil
		}
	}
	for _, key := range sortedKeys(lastPlan) {
		if _, ok := a.PlanEdits[key]; !ok {
			return brk(lastPlan[key], "plan item %s recorded here is missing: it was deleted outside assay", key), nil
		}
	}
	if status != trailStatus {
		return brk(statusAt, "the assessment is %s but its trail last records %s: the status was changed outside assay", status, trailStatus), nil
	}
	for i, s := range a.SignOffs {
		if i >= len(signoffs) {
			return brk(Event{}, "the signature of %s (%s) has no audit record: it was added outside assay", s.Name, s.Decision), nil
		}
		var rec assess.SignOff
		if json.Unmarshal([]byte(signoffs[i].New), &rec) != nil || rec.Role != s.Role || rec.Name != s.Name || rec.Decision != s.Decision ||
			rec.Comment != s.Comment || rec.On != s.On || rec.Seq != s.Seq {
			return brk(signoffs[i], "the signature stored is not the one this record says: it was changed outside assay"), nil
		}
	}
	if len(signoffs) > len(a.SignOffs) {
		return brk(signoffs[len(a.SignOffs)], "the signature recorded here is missing: it was deleted outside assay"), nil
	}
	return nil, nil
}

func brkAt(id int64, e Event, format string, args ...any) *Break {
	return &Break{Chain: "assessment", OwnerID: id, Seq: e.Seq, EventID: e.ID, Reason: fmt.Sprintf(format, args...)}
}

// sameAnswer compares a stored answer with the answer record of the trail:
// value, note, evidence (none and an empty list alike), source, reviewed.
func sameAnswer(a assess.Answer, recorded string) bool {
	var rec struct {
		Value    assess.Value  `json:"value"`
		Note     string        `json:"note"`
		Evidence []string      `json:"evidence"`
		Source   assess.Source `json:"source"`
		Reviewed bool          `json:"reviewed"`
	}
	if json.Unmarshal([]byte(recorded), &rec) != nil {
		return false
	}
	got, _ := json.Marshal(a.Value)
	want, _ := json.Marshal(rec.Value)
	return string(got) == string(want) && a.Note == rec.Note && slices.Equal(nonNil(a.Evidence), nonNil(rec.Evidence)) &&
		a.Source == rec.Source && a.Reviewed == rec.Reviewed
}
