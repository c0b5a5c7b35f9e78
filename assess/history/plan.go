package history

import (
	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// planState is a plan item's edit as the trail holds it after a record.
type planState = assess.PlanEdit

// planEdit describes a plan record: each field of the item's edit
// (owner, action, due date and why, status, acceptance, milestones)
// against what the trail held before.
func (r *replay) planEdit(rec ledger.Record, e *Entry) {
	var now planState
	if !decode(rec.New, &now) {
		unreadable(rec, e)
		return
	}
	r.concerns(rec.Target, e)
	was := r.plan[rec.Target]
	r.plan[rec.Target] = now
	e.What = "plan item edited"
	if rec.Seq <= r.copies {
		e.What = "plan item copied from the revised assessment"
	}
	add := func(field, old, new string) {
		if old != new {
			e.Changes = append(e.Changes, Change{Field: field, Old: old, New: new, HadOld: old != "", HasNew: new != ""})
		}
	}
	add("owner", was.Owner, now.Owner)
	add("action", was.Action, now.Action)
	add("due", dateText(was.Due), dateText(now.Due))
	add("due reason", was.DueReason, now.DueReason)
	add("status", string(was.Status), string(now.Status))
	statusInWords(e)
	add("acceptance", acceptanceText(was.Acceptance), acceptanceText(now.Acceptance))
	add("milestones", milestonesText(was.Milestones), milestonesText(now.Milestones))
	if len(e.Changes) == 0 {
		e.What += " (nothing different)"
	}
}

// statusInWords labels the entry's status change with the statuses in
// words ("in progress" for in-progress), as the plan says them: the lines
// people read show the labels, and the JSON keeps the stored values
// beside them, as it does an answer's options.
func statusInWords(e *Entry) {
	for i, c := range e.Changes {
		if c.Field != "status" {
			continue
		}
		if w := assess.ItemStatus(c.Old).Words(); c.HadOld && w != c.Old {
			e.Changes[i].OldLabel = w
		}
		if w := assess.ItemStatus(c.New).Words(); c.HasNew && w != c.New {
			e.Changes[i].NewLabel = w
		}
	}
}

func dateText(d assess.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
}

// acceptanceText is a risk acceptance in words.
func acceptanceText(a *assess.Acceptance) string {
	if a == nil {
		return ""
	}
	return "by " + a.Approver + " until " + dateText(a.Expires) + ": " + a.Reason
}

// milestonesText lists milestones on one line, as the plan does.
func milestonesText(ms []assess.Milestone) string {
	return assess.MilestonesText(ms, func(s string) string { return s })
}
