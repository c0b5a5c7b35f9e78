package assess

import (
	"strings"

	"github.com/assay-dev/assay/assess/safetext"
)

// PlanItemChange is a plan item of both assessments compared whose owner,
// due date, status, acceptance, action or milestones moved: a revision
// often changes nothing but the plan (a risk accepted, an item done, a
// deadline moved), and whoever compares the two must read that.
type PlanItemChange struct {
	Item   PlanItem          // as it is in the later plan
	Was    PlanItem          // as it was in the earlier plan
	Fields []ItemFieldChange // in the plan table's order
}

// ItemFieldChange is one field of an item that moved. Old and New are
// the field as the plan shows it, on one line; both are "" when only the
// fact of the change is told (an action or milestones rewritten). Detail
// follows New: the new due date's reason, or who accepted the risk and
// until when.
type ItemFieldChange struct {
	Field    string
	Old, New string
	Detail   string
}

// Text is the change as people read it, "owner: unassigned → Sam", with
// arrow between the sides ("→" in reports, "->" on the command line).
func (c ItemFieldChange) Text(arrow string) string {
	if c.Old == "" && c.New == "" {
		return c.Field + " changed"
	}
	return c.Field + ": " + c.Old + " " + arrow + " " + c.New + c.Detail
}

// Text is every field changed, "owner: unassigned → Sam; status: open →
// done".
func (c PlanItemChange) Text(arrow string) string {
	parts := make([]string, len(c.Fields))
	for i, f := range c.Fields {
		parts[i] = f.Text(arrow)
	}
	return strings.Join(parts, "; ")
}

// comparePlans compares the items of the findings both assessments have,
// in the later plan's order; the items of findings opened or closed are
// told by the findings' changes. A due date nobody set moves with the
// assessment's date (a reassessment a year on); that is no change of the
// item, and shifted reports whether some did. One due on what lapses (a
// certificate's expiry) moves with that date instead, and is told as a
// change (CompareItem). earlierKey is the key a later item had in the
// earlier plan (a renamed question's old ID).
func comparePlans(from, to *Evaluation, earlierKey func(string) string) (cs []PlanItemChange, shifted bool) {
	shift := from.Assessment.AssessedOn.DaysUntil(to.Assessment.AssessedOn)
	before := make(map[string]PlanItem, len(from.Plan))
	for _, it := range from.Plan {
		before[it.Key()] = it
	}
	for _, now := range to.Plan {
		was, ok := before[earlierKey(now.Key())]
		if !ok {
			continue
		}
		if shift != 0 && dueOnSeverity(was) && dueOnSeverity(now) && was.Due != now.Due {
			shifted = true
		}
		if fs := CompareItem(was, now, shift); fs != nil {
			cs = append(cs, PlanItemChange{Item: now, Was: was, Fields: fs})
		}
	}
	return cs, shifted
}

// defaultDue reports whether an item is due on its default day, which
// nobody moved.
func defaultDue(it PlanItem) bool { return it.Due == it.DefaultDue && it.DueReason == "" }

// dueOnSeverity reports whether an item is due on its severity's deadline,
// counted from the assessment's date, which nobody moved: the only due
// date that moves with the assessment's date.
func dueOnSeverity(it PlanItem) bool { return defaultDue(it) && !it.DueOnLapse }

// defaultDueChange says why a default due date moved when either side was
// due on what lapses: the new side's reason, and the lapse it is no
// longer due on ("the medium severity's deadline of 90 days, no longer
// the certificate's expiry"), for a reader who sees the date jump.
func defaultDueChange(was, now PlanItem) string {
	why := now.DefaultDueWhy()
	if was.DueOnLapse && !now.DueOnLapse {
		why += ", no longer " + was.Finding.Lapse
	}
	return " (" + safetext.OneLine(why) + ")"
}

// The fields CompareItem tells, as ItemFieldChange.Field names them.
const (
	ChangedAction           = "action"
	ChangedOwner            = "owner"
	ChangedDue              = "due"
	ChangedDueReason        = "reason for the due date"
	ChangedStatus           = "status"
	ChangedAcceptance       = "acceptance"
	ChangedAcceptanceReason = "acceptance reason"
	ChangedMilestones       = "milestones"
)

// CompareItem is what moved between two versions of an item, field by
// field in the plan table's order, or nil; shift is the days from the
// earlier assessment's date to the later's. An item that only reads
// differently because a day passed (overdue) has not changed.
func CompareItem(was, now PlanItem, shift int) []ItemFieldChange {
	var fs []ItemFieldChange
	told := func(field string) { fs = append(fs, ItemFieldChange{Field: field}) }
	if was.Action != now.Action {
		told(ChangedAction)
	}
	if o, n := ItemOwnerText(was), ItemOwnerText(now); o != n {
		fs = append(fs, ItemFieldChange{Field: ChangedOwner, Old: o, New: n})
	}
	switch {
	case dueOnSeverity(was) && dueOnSeverity(now) && was.DefaultDue.AddDays(shift) == now.DefaultDue:
		// moved with the assessment's date
	case was.Due != now.Due:
		c := ItemFieldChange{Field: ChangedDue, Old: was.Due.String(), New: now.Due.String()}
		switch r := safetext.OneLine(now.DueReason); {
		case r != "":
			c.Detail = " (" + r + ")"
		case defaultDue(was) && defaultDue(now) && (was.DueOnLapse || now.DueOnLapse):
			// nobody moved either date: it moved with what lapses
			c.Detail = defaultDueChange(was, now)
		}
		fs = append(fs, c)
	case was.DueReason != now.DueReason:
		told(ChangedDueReason)
	}
	wasAcc, nowAcc := was.Accepted(), now.Accepted()
	if o, n := ItemStatusText(was), ItemStatusText(now); o != n {
		c := ItemFieldChange{Field: ChangedStatus, Old: o, New: n}
		if nowAcc != nil && !now.Reopened {
			c.Detail = ", by " + safetext.OneLine(nowAcc.Approver) + " until " + nowAcc.Expires.String()
		}
		fs = append(fs, c)
	} else if wasAcc != nil && nowAcc != nil {
		if wasAcc.Approver != nowAcc.Approver || wasAcc.Expires != nowAcc.Expires {
			fs = append(fs, ItemFieldChange{Field: ChangedAcceptance,
				Old: safetext.OneLine(wasAcc.Approver) + " until " + wasAcc.Expires.String(),
				New: safetext.OneLine(nowAcc.Approver) + " until " + nowAcc.Expires.String()})
		}
		if wasAcc.Reason != nowAcc.Reason {
			told(ChangedAcceptanceReason)
		}
	}
	if MilestonesText(was.Milestones, safetext.OneLine) != MilestonesText(now.Milestones, safetext.OneLine) {
		told(ChangedMilestones)
	}
	return fs
}

// ItemOwnerText is an item's owner as the plan shows it, on one line.
func ItemOwnerText(it PlanItem) string {
	if o := safetext.OneLine(it.Owner); o != "" {
		return o
	}
	return "unassigned"
}

// ItemStatusText is an item's status as the plan shows it (overdue aside,
// which the report date decides, not a change).
func ItemStatusText(it PlanItem) string {
	s := it.EffectiveStatus().Words()
	if it.Reopened {
		s += " (risk acceptance expired)"
	}
	return s
}

// Accepted is the item's risk acceptance while it is accepted, or nil.
func (it PlanItem) Accepted() *Acceptance {
	if it.Status != ItemAccepted {
		return nil
	}
	return it.Acceptance
}
