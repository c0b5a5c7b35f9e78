package store

import (
	"context"

	"github.com/assay-dev/assay/assess"
)

// editPlan makes the fields e sets on its item, as a person would with
// assay plan: one change with everything e gives, then, if any of e's
// milestones is done, a second that ticks it. Today is the database's day.
func editPlan(ctx context.Context, db *DB, id int64, e assess.PlanEdit) error {
	ch := assess.PlanChange{Status: e.Status, Due: e.Due, DueReason: e.DueReason}
	if e.Owner != "" {
		ch.Owner = &e.Owner
	}
	if e.Action != "" {
		ch.Action = &e.Action
	}
	if e.Acceptance != nil {
		ch.Accept = *e.Acceptance
	}
	var done []int
	for i, m := range e.Milestones {
		if m.Done {
			done = append(done, i)
		}
		m.Done = false
		ch.AddMilestones = append(ch.AddMilestones, m)
	}
	today := assess.DateOf(db.Now())
	out, _, err := db.ChangePlanItem(ctx, id, e.Key, ch, today)
	if err != nil || len(done) == 0 {
		return err
	}
	first := len(out.Milestones) - len(e.Milestones) + 1
	tick := assess.PlanChange{}
	for _, i := range done {
		tick.DoneMilestones = append(tick.DoneMilestones, first+i)
	}
	_, _, err = db.ChangePlanItem(ctx, id, e.Key, tick, today)
	return err
}
