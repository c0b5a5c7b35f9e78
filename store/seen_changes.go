package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"

	"github.com/assay-dev/assay/assess"
)

// seenChangedWords says, for an approval or rejection refused because
// the assessment changed after the signer opened the sign-off
// (assess.SeenChanges), who changed what since: the approver asks that
// person, rather than guess at "another person". Who is the last record
// of each answer and plan item in the assessment's trail, in the same
// transaction as the refusal: a cleared answer keeps no name of its own.
// The signer's own changes are theirs (another window, the command line);
// what the trail cannot name is said as changed, unnamed.
func (db *DB) seenChangedWords(ctx context.Context, tx *sql.Tx, a *assess.Assessment, opts []assess.ReviewOption) (string, error) {
	answers, plan, _ := assess.SeenChanges(a, opts)
	var order []string
	by := map[string][]string{}
	add := func(who, what string) {
		if _, ok := by[who]; !ok {
			order = append(order, who)
		}
		by[who] = append(by[who], what)
	}
	for _, id := range answers {
		who, err := db.lastChangedBy(ctx, tx, a.ID, "answer", id)
		if err != nil {
			return "", err
		}
		add(who, id)
	}
	for _, key := range plan {
		who, err := db.lastChangedBy(ctx, tx, a.ID, "plan", key)
		if err != nil {
			return "", err
		}
		add(who, "plan item "+key)
	}
	if len(order) == 0 {
		return "another person saved them meanwhile", nil
	}
	me := db.actor(ctx)
	parts := make([]string, 0, len(order))
	for _, who := range order {
		what := strings.Join(by[who], ", ")
		switch {
		case who == "":
			parts = append(parts, "changed (no name in the trail): "+what)
		case assess.SameName(who, me):
			parts = append(parts, "you changed "+what+" in another window or the command line")
		default:
			parts = append(parts, who+" changed "+what)
		}
	}
	return strings.Join(parts, "; "), nil
}

// lastChangedBy is who wrote the last record of kind (answer, plan) for
// target in the assessment's trail, "" when there is none.
func (db *DB) lastChangedBy(ctx context.Context, tx *sql.Tx, id int64, kind, target string) (string, error) {
	var who string
	err := tx.QueryRowContext(ctx, `SELECT actor FROM events
		WHERE assessment_id = ? AND kind = ? AND target = ? ORDER BY seq DESC LIMIT 1`, id, kind, target).Scan(&who)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return who, err
}
