package report

import (
	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/assess/safetext"
)

// planChange is a plan item of both assessments compared whose owner,
// due date, status, acceptance, action or milestones moved: a revision
// often changes nothing but the plan (a risk accepted, an item done, a
// deadline moved), and the committee must read that in the changes.
type planChange struct {
	item assess.PlanItem // as it is now
	what document.Text   // "owner: unassigned → Sam; status: open → done"
}

// planChanges compares the items of the findings both assessments have,
// in the later plan's order; the items of findings opened or closed are
// told by the findings' changes. A due date nobody set moves with the
// assessment's date (a reassessment a year on); that is no change of the
// item, and shifted reports whether some did.
func planChanges(from, to *assess.Evaluation) (cs []planChange, shifted bool) {
	shift := from.Assessment.AssessedOn.DaysUntil(to.Assessment.AssessedOn)
	before := make(map[string]assess.PlanItem, len(from.Plan))
	for _, it := range from.Plan {
		before[it.Key()] = it
	}
	for _, now := range to.Plan {
		was, ok := before[now.Key()]
		if !ok {
			continue
		}
		if shift != 0 && defaultDue(was) && defaultDue(now) && was.Due != now.Due {
			shifted = true
		}
		if what := itemChange(was, now, shift); what != nil {
			cs = append(cs, planChange{item: now, what: what})
		}
	}
	return cs, shifted
}

// defaultDue reports whether an item is due on its default day, which
// nobody moved.
func defaultDue(it assess.PlanItem) bool { return it.Due == it.DefaultDue && it.DueReason == "" }

// itemChange is what moved between two versions of an item, field by
// field in the plan table's order, or nil; shift is the days from the
// earlier assessment's date to the later's.
func itemChange(was, now assess.PlanItem, shift int) document.Text {
	var what document.Text
	next := func(parts ...any) {
		if what != nil {
			what = txt(what, "; ")
		}
		what = txt(what, txt(parts...))
	}
	if was.Action != now.Action {
		next("action changed")
	}
	if o, n := ownerText(was), ownerText(now); o != n {
		next("owner: ", o, " → ", n)
	}
	switch {
	case defaultDue(was) && defaultDue(now) && was.DefaultDue.AddDays(shift) == now.DefaultDue:
		// moved with the assessment's date
	case was.Due != now.Due:
		due := txt("due: " + was.Due.String() + " → " + now.Due.String())
		if now.DueReason != "" {
			due = txt(due, " (", user(now.DueReason), ")")
		}
		next(due)
	case was.DueReason != now.DueReason:
		next("reason for the due date changed")
	}
	wasAcc, nowAcc := acceptance(was), acceptance(now)
	if o, n := statusText(was), statusText(now); o != n {
		st := txt("status: " + o + " → " + n)
		if nowAcc != nil && !now.Reopened {
			st = txt(st, ", by ", user(nowAcc.Approver), " until "+nowAcc.Expires.String())
		}
		next(st)
	} else if wasAcc != nil && nowAcc != nil {
		if wasAcc.Approver != nowAcc.Approver || wasAcc.Expires != nowAcc.Expires {
			next("acceptance: ", user(wasAcc.Approver), " until "+wasAcc.Expires.String()+" → ", user(nowAcc.Approver), " until "+nowAcc.Expires.String())
		}
		if wasAcc.Reason != nowAcc.Reason {
			next("acceptance reason changed")
		}
	}
	if assess.MilestonesText(was.Milestones, safetext.OneLine) != assess.MilestonesText(now.Milestones, safetext.OneLine) {
		next("milestones changed")
	}
	return what
}

// ownerText is an item's owner as the plan shows it.
func ownerText(it assess.PlanItem) document.Span {
	if safetext.OneLine(it.Owner) == "" {
		return document.Span{Text: "unassigned"}
	}
	return user(it.Owner)
}

// statusText is an item's status as the plan shows it (overdue aside,
// which the report date decides, not a change).
func statusText(it assess.PlanItem) string {
	s := string(it.EffectiveStatus())
	if it.Reopened {
		s += " (risk acceptance expired)"
	}
	return s
}

// acceptance is the item's risk acceptance while it is accepted, or nil.
func acceptance(it assess.PlanItem) *assess.Acceptance {
	if it.Status != assess.ItemAccepted {
		return nil
	}
	return it.Acceptance
}

// planChangesTable lists the items changed: the finding's number in this
// report, its key, and what changed.
func (r *reporter) planChangesTable(cs []planChange) {
	if len(cs) == 0 {
		return
	}
	labels := r.e.FindingLabels()
	rows := make([][]document.Text, 0, len(cs))
	for _, c := range cs {
		rows = append(rows, []document.Text{txt(labels[c.item.Key()]), txt(code(c.item.Key())), c.what})
	}
	r.d.table(cells("Finding", "Item", "Change"), rows)
}
