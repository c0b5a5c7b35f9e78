package assess

import (
	"fmt"
	"strings"
	"time"
)

// A plan item's owner, action, due date and status are each one value:
// two people setting the same one at once would leave only the second's.
// A change to them is refused as a change to an answer is (ConflictError)
// when it would replace, unawares, what another person set: its author
// saw the item otherwise (PlanChange.Over), or, where the author was shown
// nothing (the command line, PlanChange.OwnOnly), someone else set it
// last. Milestones are added, never replaced: only clearing them while
// they hold another person's is a conflict (FieldMilestones).

// PlanField is a field of a remediation item that holds one value.
type PlanField string

// The fields of a remediation item that hold one value. The due date goes
// with its reason, the status with the risk's acceptance.
const (
	FieldOwner  PlanField = "owner"
	FieldAction PlanField = "action"
	FieldDue    PlanField = "due date"
	FieldStatus PlanField = "status"
)

// PlanFields lists them in the order messages name them.
var PlanFields = []PlanField{FieldOwner, FieldDue, FieldStatus, FieldAction}

// FieldMilestones is an item's milestones, which are added, never
// replaced: a change is a conflict on them only when it clears them
// (PlanChange.ClearMilestones) while they hold another person's work.
// fieldMilestonesBefore is, under it, the last change to them by someone
// other than whoever changed them last, since they were last cleared: a
// clear by me must not remove another's milestone that my own later one
// sits beside.
const (
	FieldMilestones       PlanField = "milestones"
	fieldMilestonesBefore PlanField = "milestones, before"
)

// Describe is the field f of an edit in a few words, for messages and to
// compare: text from people is quoted, so two edits describe a field
// alike only when it says the same.
func (e PlanEdit) Describe(f PlanField) string {
	switch f {
	case FieldOwner:
		if e.Owner == "" {
			return "no owner"
		}
		return fmt.Sprintf("%q", e.Owner)
	case FieldAction:
		if e.Action == "" {
			return "the recommended action"
		}
		return fmt.Sprintf("%q", e.Action)
	case FieldDue:
		if e.Due.IsZero() {
			return "the policy's date"
		}
		return fmt.Sprintf("%s (reason %q)", e.Due, e.DueReason)
	case FieldStatus:
		s := e.Status.Words()
		if a := e.Acceptance; a != nil {
			return fmt.Sprintf("%s (approved by %q until %s: %q)", s, a.Approver, a.Expires, a.Reason)
		}
		return s
	}
	return ""
}

// FieldStamp says who set a field last, and when.
type FieldStamp struct {
	By string
	At time.Time
}

// PlanStamps is, for each plan item by its finding key, who set each of
// its fields last and when, as the assessment's trail says: the OSCAL
// POA&M dates a moved deadline and an accepted risk by it.
type PlanStamps map[string]map[PlanField]FieldStamp

// FieldConflict is a field of a plan item that a change would have
// replaced unawares: who set it, when, and what it now says.
type FieldConflict struct {
	Item  string
	Field PlanField
	FieldStamp
	Now string
	// Edit is the item's whole edit as it now is: what a change made
	// knowingly over it is made over.
	Edit PlanEdit
}

func (c FieldConflict) String() string {
	if c.Field == FieldMilestones {
		return fmt.Sprintf("the milestones of plan item %s hold a change by %s at %s: they are now %s",
			c.Item, orSomeone(c.By), c.At.UTC().Format("2006-01-02 15:04:05 UTC"), c.Now)
	}
	return fmt.Sprintf("the %s of plan item %s was changed by %s at %s: it is now %s",
		c.Field, c.Item, orSomeone(c.By), c.At.UTC().Format("2006-01-02 15:04:05 UTC"), c.Now)
}

// PlanConflicts are the fields that turning the item's edit cur into out
// would replace unawares, each as it now is, with who set it last and
// when (set: the fields a person set, by their last setter; a field
// absent was never set by anyone, and is the finding's default). A field
// out leaves as it is is never one. With ch.Over, a field is one when it
// now differs from what the author saw; with ch.OwnOnly, when someone
// other than me set it last; with neither, none is.
func PlanConflicts(cur, out PlanEdit, ch PlanChange, me string, set map[PlanField]FieldStamp) []FieldConflict {
	var found []FieldConflict
	for _, f := range PlanFields {
		now := cur.Describe(f)
		if out.Describe(f) == now {
			continue
		}
		st, byAnyone := set[f]
		switch {
		case ch.Over != nil && ch.Over.Describe(f) != now:
		case ch.Over == nil && ch.OwnOnly && byAnyone && st.By != me:
		default:
			continue
		}
		found = append(found, FieldConflict{Item: out.Key, Field: f, FieldStamp: st, Now: now, Edit: cur})
	}
	if ch.ClearMilestones && len(cur.Milestones) > 0 && ch.Over == nil && ch.OwnOnly {
		for _, f := range []PlanField{FieldMilestones, fieldMilestonesBefore} {
			if st, ok := set[f]; ok && st.By != me {
				found = append(found, FieldConflict{Item: out.Key, Field: FieldMilestones, FieldStamp: st, Now: describeMilestones(cur.Milestones), Edit: cur})
				break
			}
		}
	}
	return found
}

// describeMilestones is an item's milestones in a few words, for messages.
func describeMilestones(ms []Milestone) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = fmt.Sprintf("%q", m.Title)
		if !m.Due.IsZero() {
			parts[i] += " by " + m.Due.String()
		}
		if m.Done {
			parts[i] += " (done)"
		}
	}
	return strings.Join(parts, ", ")
}

// WithoutFields is the change with the fields of fs left out: what is
// left of it when its author keeps another person's value of them.
func (ch PlanChange) WithoutFields(fs []FieldConflict) PlanChange {
	for _, c := range fs {
		switch c.Field {
		case FieldOwner:
			ch.Owner = nil
		case FieldAction:
			ch.Action = nil
		case FieldDue:
			ch.Due, ch.DueReason, ch.ResetDue = Date{}, "", false
		case FieldStatus:
			ch.Status, ch.Accept = "", Acceptance{}
		case FieldMilestones:
			ch.ClearMilestones = false
		}
	}
	return ch
}

// Empty reports whether the change changes nothing.
func (ch PlanChange) Empty() bool {
	return ch.Owner == nil && ch.Action == nil && ch.Due.IsZero() && ch.DueReason == "" && !ch.ResetDue &&
		ch.Status == "" && ch.Accept == (Acceptance{}) && len(ch.AddMilestones) == 0 && len(ch.DoneMilestones) == 0 && !ch.ClearMilestones
}

// Stamp records, in set, the fields that changed from old to new as set
// by who at when: the store reads an item's trail through it, oldest
// record first.
func Stamp(set map[PlanField]FieldStamp, old, new PlanEdit, who FieldStamp) {
	for _, f := range PlanFields {
		if old.Describe(f) != new.Describe(f) {
			set[f] = who
		}
	}
	if milestonesCleared(old.Milestones, new.Milestones) {
		delete(set, FieldMilestones) // nobody's earlier work is left in them
		delete(set, fieldMilestonesBefore)
	}
	if describeMilestones(old.Milestones) != describeMilestones(new.Milestones) && len(new.Milestones) > 0 {
		if last, ok := set[FieldMilestones]; ok && last.By != who.By {
			set[fieldMilestonesBefore] = last
		}
		set[FieldMilestones] = who
	}
}

// milestonesCleared reports whether new dropped any of old's milestones:
// only a clear does, since milestones are otherwise added and ticked.
func milestonesCleared(old, new []Milestone) bool {
	if len(new) < len(old) {
		return true
	}
	for i, m := range old {
		if new[i].Title != m.Title || new[i].Due != m.Due {
			return true
		}
	}
	return false
}
