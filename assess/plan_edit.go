package assess

import (
	"fmt"
	"strings"
)

// PlanChange is one change someone asks for on a remediation item; nil
// and zero fields leave the item as it is. ApplyPlanChange checks it
// against the item and turns it into the item's new PlanEdit.
type PlanChange struct {
	Owner  *string
	Action *string
	// Due moves the due date; DueReason says why and is required with it.
	// ResetDue returns the item to the date the deadline policy gives.
	Due       Date
	DueReason string
	ResetDue  bool
	Status    ItemStatus
	// Accept holds the fields of a risk acceptance being recorded; any of
	// them set means the risk is accepted. Missing fields are taken from
	// the acceptance already recorded, if any.
	Accept          Acceptance
	AddMilestones   []Milestone
	DoneMilestones  []int // 1-based positions
	ClearMilestones bool

	// Over is the item's edit as the change's author last saw it: a
	// field the change sets that someone has since changed to something
	// else is not replaced, and the store records nothing
	// (PlanConflicts, ConflictError). Nil checks nothing, unless OwnOnly.
	Over *PlanEdit `json:"-"`
	// OwnOnly, for an author shown nothing first (the command line),
	// refuses to replace a field another person set last.
	OwnOnly bool `json:"-"`
}

// ChangePlanItem applies ch to the remediation item key of the assessment
// as it is now, on day today, and returns the item's new edit. The store
// runs it inside the write transaction, on the record it has just read, so
// that two people changing different fields of one item at the same time
// both keep their change: a change is a delta (add this milestone, set
// this owner), never a whole record read earlier.
func (a *Assessment) ChangePlanItem(key string, ch PlanChange, today Date) (PlanEdit, error) {
	for _, it := range Evaluate(a, today).Plan {
		if it.Key() == key {
			// An item is found on the assessment date: due before it, it
			// would read as overdue before its gap was known.
			if !ch.Due.IsZero() && ch.Due.Before(a.AssessedOn) {
				return PlanEdit{}, Errorf(EInvalid, "item %s: a due date cannot be before the assessment date %s, when the finding was made (not %s)", key, a.AssessedOn, ch.Due)
			}
			// A milestone is a step towards fixing it, so the same holds;
			// only those added now are judged, not those stored before.
			for _, m := range ch.AddMilestones {
				if !m.Due.IsZero() && m.Due.Before(a.AssessedOn) {
					return PlanEdit{}, Errorf(EInvalid, "item %s: a milestone's date cannot be before the assessment date %s, when the finding was made (not %s)", key, a.AssessedOn, m.Due)
				}
			}
			e, err := ApplyPlanChange(it, a.PlanEdits[key], ch, today)
			if err != nil {
				return PlanEdit{}, Errorf(EInvalid, "item %s: %v", key, err)
			}
			// An acceptance ending before then would read as expired
			// from the first day the assessment is judged on (JudgedOn).
			// Not expired by today, only a colleague whose today is
			// behind the assessment date (a time zone behind) gives one.
			if !ch.Accept.Expires.IsZero() && ch.Accept.Expires.Before(a.AssessedOn) {
				return PlanEdit{}, Errorf(EInvalid, "item %s: a risk acceptance cannot expire before the assessment date %s, when the finding was made (not %s)", key, a.AssessedOn, ch.Accept.Expires)
			}
			return e, nil
		}
	}
	return PlanEdit{}, Errorf(ENotFound, "assessment %d has no plan item %q", a.ID, key)
}

// ApplyPlanChange returns the edit that results from applying ch to the
// item's current edit, or an error that says what is missing. On day today
// a risk cannot be accepted until a day already past.
func ApplyPlanChange(it PlanItem, cur PlanEdit, ch PlanChange, today Date) (PlanEdit, error) {
	e := cur
	e.Key = it.Key()
	var err error
	if ch.Owner != nil {
		if e.Owner, err = KeepName("owner", *ch.Owner, cur.Owner); err != nil {
			return cur, err
		}
	}
	if ch.Action != nil {
		if e.Action, err = CleanText("action", *ch.Action); err != nil {
			return cur, err
		}
		e.Action = strings.TrimSpace(e.Action)
	}
	reason, err := CleanText("due reason", ch.DueReason)
	if err != nil {
		return cur, err
	}
	if reason = strings.TrimSpace(reason); Blank(reason) {
		reason = "" // a reason that shows nothing gives none
	}
	switch {
	case ch.ResetDue && !ch.Due.IsZero():
		return cur, fmt.Errorf("give a new due date or reset it to the policy's, not both")
	case ch.ResetDue || (!ch.Due.IsZero() && ch.Due == it.DefaultDue):
		e.Due, e.DueReason = Date{}, ""
	case !ch.Due.IsZero():
		if reason == "" {
			if it.Due != it.DefaultDue {
				return cur, fmt.Errorf("moving %s's due date from %s to %s needs a reason (the policy's date is %s)", it.Key(), it.Due, ch.Due, it.DefaultDue)
			}
			return cur, fmt.Errorf("moving %s's due date from %s to %s needs a reason", it.Key(), it.DefaultDue, ch.Due)
		}
		e.Due, e.DueReason = ch.Due, reason
	case reason != "":
		if e.Due.IsZero() {
			return cur, fmt.Errorf("a reason goes with a new due date; %s is due on the policy's %s", it.Key(), it.DefaultDue)
		}
		e.DueReason = reason
	}

	accepting := ch.Accept != (Acceptance{})
	if accepting && ch.Status != "" && ch.Status != ItemAccepted {
		return cur, fmt.Errorf("an acceptance goes with status %s, not %s", ItemAccepted, ch.Status)
	}
	if accepting {
		ch.Status = ItemAccepted
	}
	if ch.Status != "" {
		e.Status = ch.Status
	}
	if e.Status == ItemAccepted && (accepting || ch.Status == ItemAccepted) {
		acc := Acceptance{}
		if cur.Acceptance != nil {
			acc = *cur.Acceptance
		}
		approver, err := KeepName("approver", ch.Accept.Approver, acc.Approver)
		if err != nil {
			return cur, err
		}
		why, err := CleanText("acceptance reason", ch.Accept.Reason)
		if err != nil {
			return cur, err
		}
		if approver != "" {
			acc.Approver = approver
		}
		if why = strings.TrimSpace(why); why != "" {
			acc.Reason = why
		}
		if !ch.Accept.Expires.IsZero() {
			acc.Expires = ch.Accept.Expires
		}
		if err := acc.Validate(); err != nil {
			return cur, err
		}
		if acc.Expires.Before(today) {
			return cur, fmt.Errorf("the acceptance would have expired on %s, before today %s", acc.Expires, today)
		}
		e.Acceptance = &acc
	}
	if e.Status != ItemAccepted {
		e.Acceptance = nil // the old acceptance stays in the audit trail
	}

	if ch.ClearMilestones {
		e.Milestones = nil
	} else {
		e.Milestones = append([]Milestone(nil), cur.Milestones...)
	}
	for _, n := range ch.DoneMilestones {
		if n < 1 || n > len(e.Milestones) {
			has := Count(len(e.Milestones), "milestone", "milestones")
			if len(e.Milestones) == 0 {
				has = "no milestones"
			}
			return cur, fmt.Errorf("%s has %s; there is no milestone %d", it.Key(), has, n)
		}
		e.Milestones[n-1].Done = true
	}
	for _, m := range ch.AddMilestones {
		if m.Title, err = CleanText("milestone", m.Title); err != nil {
			return cur, err
		}
		if m.Title = strings.TrimSpace(m.Title); Blank(m.Title) {
			return cur, fmt.Errorf("a milestone needs a title")
		}
		e.Milestones = append(e.Milestones, m)
	}
	return e, nil
}
