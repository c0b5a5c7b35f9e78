package assess

import (
	"fmt"
	"sort"
	"strings"
)

// ItemStatus is a remediation item's state.
type ItemStatus string

// Item statuses. An accepted risk whose acceptance has expired counts as
// open again.
const (
	ItemOpen       ItemStatus = "open"
	ItemInProgress ItemStatus = "in-progress"
	ItemDone       ItemStatus = "done"
	ItemAccepted   ItemStatus = "risk-accepted"
)

// ItemStatuses lists every status.
var ItemStatuses = []ItemStatus{ItemOpen, ItemInProgress, ItemDone, ItemAccepted}

// Words is the status as people read it, on every screen and in every
// report: "in progress" and "risk accepted", not the stored
// "in-progress" and "risk-accepted", which machine formats (JSON, CSV,
// OSCAL) keep; an item nobody edited is open. ParseItemStatus reads
// either form back.
func (s ItemStatus) Words() string {
	switch s {
	case "":
		return string(ItemOpen)
	case ItemInProgress:
		return "in progress"
	case ItemAccepted:
		return "risk accepted"
	}
	return string(s)
}

// ParseItemStatus reads a status, stored or in words, accepting spaces or
// underscores for dashes.
func ParseItemStatus(s string) (ItemStatus, error) {
	norm := strings.NewReplacer(" ", "-", "_", "-").Replace(strings.ToLower(strings.TrimSpace(s)))
	if norm == "accepted" {
		norm = string(ItemAccepted)
	}
	for _, st := range ItemStatuses {
		if string(st) == norm {
			return st, nil
		}
	}
	return "", fmt.Errorf("unknown status %q (use open, in-progress, done or risk-accepted)", s)
}

// PlanEdit is what people changed on a remediation item; everything else
// comes from the finding. Edits are kept by finding key, so an item keeps
// its owner when the answer behind it is edited.
type PlanEdit struct {
	Key        string      `json:"key"`
	Owner      string      `json:"owner,omitempty"`
	Action     string      `json:"action,omitempty"` // replaces the questionnaire's recommended action
	Due        Date        `json:"due,omitzero"`     // a due date moved by hand
	DueReason  string      `json:"due_reason,omitempty"`
	Status     ItemStatus  `json:"status,omitempty"`
	Acceptance *Acceptance `json:"acceptance,omitempty"`
	Milestones []Milestone `json:"milestones,omitempty"`
}

// Acceptance records who accepted a risk, why, and until when.
type Acceptance struct {
	Approver string `json:"approver"`
	Reason   string `json:"reason"`
	Expires  Date   `json:"expires"`
}

// Validate checks that an acceptance names an approver, a reason and an expiry.
func (a Acceptance) Validate() error {
	var missing []string
	if Blank(a.Approver) {
		missing = append(missing, "approver")
	}
	if Blank(a.Reason) {
		missing = append(missing, "reason")
	}
	if a.Expires.IsZero() {
		missing = append(missing, "expiry date")
	}
	if len(missing) > 0 {
		return fmt.Errorf("accepting a risk needs %s", strings.Join(missing, ", "))
	}
	return nil
}

// Milestone is a step toward an item's completion.
type Milestone struct {
	Title string `json:"title"`
	Due   Date   `json:"due,omitzero"`
	Done  bool   `json:"done,omitempty"`
}

// MilestonesText lists milestones on one line: "Title by 2026-04-01 (done);
// …". title prepares each title for where it goes (escaping for Markdown,
// nothing for a CSV cell, which is defused whole).
func MilestonesText(ms []Milestone, title func(string) string) string {
	parts := make([]string, 0, len(ms))
	for _, m := range ms {
		s := title(m.Title)
		if !m.Due.IsZero() {
			s += " by " + m.Due.String()
		}
		if m.Done {
			s += " (done)"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// PlanItem is a remediation item: a finding, what to do, who, by when.
type PlanItem struct {
	Finding    Finding
	Action     string
	Owner      string
	Due        Date
	DefaultDue Date   // the earlier of SeverityDue and the date the finding's answer lapses on
	DueReason  string // why Due differs from DefaultDue
	// SeverityDue is the assessment date plus SeverityDays, the
	// deadline the policy gives the finding's severity. DueOnLapse is
	// set when DefaultDue is instead the earlier day the finding's answer
	// lapses on (Finding.LapsesBefore).
	SeverityDue  Date
	SeverityDays int
	DueOnLapse   bool
	Status       ItemStatus
	Acceptance   *Acceptance
	Milestones   []Milestone
	// Reopened is set when a risk acceptance has expired (or was recorded
	// without one): the item counts as open again.
	Reopened bool
}

// DefaultDueWhy says why the item falls due on DefaultDue, for the
// committee and the owner: the severity's deadline, or what lapses before
// it ("the certificate's expiry, before the medium severity's deadline of
// 90 days (2026-05-31)"). The lapse's words are the questionnaire's: each
// output cleans them as it cleans any text from a file.
func (i PlanItem) DefaultDueWhy() string {
	sev := fmt.Sprintf("the %s severity's deadline of %d days", i.Finding.Severity, i.SeverityDays)
	if i.DueOnLapse {
		return fmt.Sprintf("%s, before %s (%s)", i.Finding.Lapse, sev, i.SeverityDue)
	}
	return sev
}

// Key is the finding key the item belongs to.
func (i PlanItem) Key() string { return i.Finding.Key }

// Closed reports whether the item needs no more work: done, or a risk
// accepted whose acceptance has not expired.
func (i PlanItem) Closed() bool {
	return i.Status == ItemDone || (i.Status == ItemAccepted && !i.Reopened)
}

// EffectiveStatus is the status that counts today: an accepted risk whose
// acceptance expired is open again.
func (i PlanItem) EffectiveStatus() ItemStatus {
	if i.Reopened {
		return ItemOpen
	}
	return i.Status
}

// Overdue reports whether the item is past due on day today and not closed.
func (i PlanItem) Overdue(today Date) bool {
	return !i.Closed() && i.Due.Before(today)
}

// MilestoneOverdue reports whether milestone m of the item is overdue on
// day today: its date has passed, it is not done, and the item still
// needs work (a done item or an accepted risk leaves no milestone to
// chase). The day itself is not late, as for the item's own due date.
func (i PlanItem) MilestoneOverdue(m Milestone, today Date) bool {
	return !i.Closed() && !m.Done && !m.Due.IsZero() && m.Due.Before(today)
}

// BuildPlan makes the remediation plan for the findings of an assessment
// assessed on assessedOn, applying people's edits. On day today, an
// acceptance that expired before today reopens its item.
func BuildPlan(findings []Finding, edits map[string]PlanEdit, deadlines Deadlines, assessedOn, today Date) []PlanItem {
	items := make([]PlanItem, 0, len(findings))
	for _, f := range findings {
		days, ok := deadlines[f.Severity]
		if !ok {
			days = DefaultDeadlines()[f.Severity]
		}
		it := PlanItem{Finding: f, Action: f.Action, Status: ItemOpen, SeverityDue: assessedOn.AddDays(days), SeverityDays: days}
		it.DefaultDue = it.SeverityDue
		if f.LapsesBefore(it.SeverityDue, assessedOn) {
			it.DefaultDue, it.DueOnLapse = f.LapsesOn, true
		}
		it.Due = it.DefaultDue
		if e, ok := edits[f.Key]; ok {
			if e.Owner != "" {
				it.Owner = e.Owner
			}
			if e.Action != "" {
				it.Action = e.Action
			}
			if !e.Due.IsZero() {
				it.Due, it.DueReason = e.Due, e.DueReason
			}
			if e.Status != "" {
				it.Status = e.Status
			}
			it.Acceptance = e.Acceptance
			it.Milestones = e.Milestones
		}
		if it.Status == ItemAccepted && (it.Acceptance == nil || it.Acceptance.Expires.Before(today)) {
			it.Reopened = true
		}
		items = append(items, it)
	}
	SortPlan(items)
	return items
}

// SortPlan orders items by due date, then severity, then question order as found.
func SortPlan(items []PlanItem) {
	sort.SliceStable(items, func(a, b int) bool {
		x, y := items[a], items[b]
		if !x.Due.IsZero() && !y.Due.IsZero() && x.Due != y.Due {
			return x.Due.Before(y.Due)
		}
		return x.Finding.Severity > y.Finding.Severity
	})
}

// Merge returns the deadlines of base overridden by over.
func (base Deadlines) Merge(over Deadlines) Deadlines {
	out := Deadlines{}
	for s, d := range base {
		out[s] = d
	}
	for s, d := range over {
		out[s] = d
	}
	return out
}

// ResolveDeadlines layers deadline policies over the defaults, least
// specific first: each layer overrides the severities it names. assay uses
// the defaults, then the config file, then the questionnaire's own
// deadlines, then the config file's setting for that questionnaire.
func ResolveDeadlines(layers ...Deadlines) Deadlines {
	out := DefaultDeadlines()
	for _, l := range layers {
		out = out.Merge(l)
	}
	return out
}

// MaxDeadlineDays bounds a deadline: ten years.
const MaxDeadlineDays = 3650

// ParseDeadlines reads days per severity name ("critical: 15"), checking
// each name and that each deadline is 1 to MaxDeadlineDays days.
func ParseDeadlines(days map[string]int) (Deadlines, error) {
	out := Deadlines{}
	names := make([]string, 0, len(days))
	for n := range days {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		sev, err := ParseSeverity(n)
		if err != nil {
			return nil, err
		}
		d := days[n]
		if d < 1 || d > MaxDeadlineDays {
			return nil, fmt.Errorf("%s: a deadline is 1 to %d days, not %d", n, MaxDeadlineDays, d)
		}
		out[sev] = d
	}
	return out, nil
}

// DueDatesInRange returns an error when an assessment dated on, with
// these deadlines, would have an item fall due after the last day assay
// records (MaxRecordYear-12-31): such a date cannot be written as
// YYYY-MM-DD, and a plan holding one could not be read back.
func (d Deadlines) DueDatesInRange(on Date) error {
	sevs := make([]Severity, 0, len(d))
	for s := range d {
		sevs = append(sevs, s)
	}
	sort.Slice(sevs, func(i, j int) bool { return d[sevs[i]] > d[sevs[j]] })
	for _, s := range sevs {
		if due := on.AddDays(d[s]); !due.InRecordRange() {
			return Errorf(EInvalid, "an assessment dated %s would have items due after %d-12-31 (%s: %d days after it), the last day assay records: give an earlier date",
				on, MaxRecordYear, s, d[s])
		}
	}
	return nil
}
