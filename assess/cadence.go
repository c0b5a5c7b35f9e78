package assess

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// CadencePolicy is how often a subject is reassessed, in months, by tier.
// The defaults follow the built-in third-party questionnaire's tier
// meanings: critical and high every year, moderate every two years, and
// anything else (low, or no tier) every three.
type CadencePolicy struct {
	Months  map[string]int // by tier name
	Default int            // for tiers not listed and subjects with no tier
	// Soon is how many days before its due date a subject is listed as due.
	Soon int
}

// DefaultCadence returns the default reassessment policy.
func DefaultCadence() CadencePolicy {
	return CadencePolicy{Months: map[string]int{"critical": 12, "high": 12, "moderate": 24, "low": 36}, Default: 36, Soon: 30}
}

// Merge returns p with the months in over (keyed by tier name, or
// "default") replacing its own. Unknown tiers and non-positive months
// are an error.
func (p CadencePolicy) Merge(over map[string]int) (CadencePolicy, error) {
	out := CadencePolicy{Months: map[string]int{}, Default: p.Default, Soon: p.Soon}
	for k, v := range p.Months {
		out.Months[k] = v
	}
	keys := make([]string, 0, len(over))
	for k := range over {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := over[k]
		if v <= 0 || v > 120 {
			return p, fmt.Errorf("cadence %s: %d months is not between 1 and 120", k, v)
		}
		if k == "default" {
			out.Default = v
			continue
		}
		t, err := ParseTier(k)
		if err != nil || t == "" {
			return p, fmt.Errorf("cadence: unknown tier %q (use %s or default)", k, strings.Join(Tiers, ", "))
		}
		out.Months[t] = v
	}
	return out, nil
}

// Interval returns the months between assessments for a tier.
func (p CadencePolicy) Interval(tier string) int {
	if m, ok := p.Months[tier]; ok && m > 0 {
		return m
	}
	if p.Default > 0 {
		return p.Default
	}
	return 36
}

// AddMonths returns the day n months after d; a day that does not exist in
// the target month (31 March + 1 month) becomes that month's last day.
func (d Date) AddMonths(n int) Date {
	y, m, day := d.t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	if day > last {
		day = last
	}
	return NewDate(first.Year(), first.Month(), day)
}

// DueState says where a subject stands on its cadence.
type DueState string

// Due states, most urgent first.
const (
	DueNever   DueState = "never-assessed" // no counted assessment at all
	DueOverdue DueState = "overdue"        // past its due date
	DueSoon    DueState = "due"            // due within the policy's Soon days (or today)
	DueOK      DueState = "ok"
)

// DueSubject is one subject's place on its cadence on a given day.
type DueSubject struct {
	Subject *Subject
	State   DueState
	Tier    string
	Months  int
	// Last is the assessment the cadence runs from: the latest approved
	// one, or failing that the latest counted one (LastApproved false).
	Last         AssessmentRef
	LastApproved bool
	Due          Date // zero when never assessed
	DaysLeft     int  // negative when overdue
	// InProgress is a newer assessment not yet approved (a draft or one in
	// review): the reassessment under way, or 0.
	InProgress int64
}

// Cadence places one subject on its cadence on day today.
func Cadence(s *Subject, p CadencePolicy, today Date) DueSubject {
	ds := DueSubject{Subject: s, Tier: s.Tier, Months: p.Interval(s.Tier)}
	var last, lastApproved *AssessmentRef
	for i := range s.Assessments {
		r := &s.Assessments[i]
		if !r.Counts() {
			continue
		}
		if last == nil || laterRef(*r, *last) {
			last = r
		}
		if r.Status == Approved && (lastApproved == nil || laterRef(*r, *lastApproved)) {
			lastApproved = r
		}
	}
	if lastApproved != nil {
		last, ds.LastApproved = lastApproved, true
	}
	if last == nil {
		ds.State = DueNever
		return ds
	}
	ds.Last = *last
	for _, r := range s.Assessments {
		if r.Counts() && r.Status != Approved && r.ID != last.ID && laterRef(r, *last) {
			ds.InProgress = r.ID
		}
	}
	ds.Due = last.AssessedOn.AddMonths(ds.Months)
	ds.DaysLeft = today.DaysUntil(ds.Due)
	soon := p.Soon
	if soon < 0 {
		soon = 0
	}
	switch {
	case ds.DaysLeft < 0:
		ds.State = DueOverdue
	case ds.DaysLeft <= soon:
		ds.State = DueSoon
	default:
		ds.State = DueOK
	}
	return ds
}

func laterRef(a, b AssessmentRef) bool {
	if a.AssessedOn.After(b.AssessedOn) || b.AssessedOn.After(a.AssessedOn) {
		return a.AssessedOn.After(b.AssessedOn)
	}
	return a.ID > b.ID
}

// DueSubjects returns the subjects due, overdue or never assessed on day
// today, most urgent first: never assessed, then by due date, then name.
// It is what `assay due` and the TUI's home screen show.
func DueSubjects(subjects []*Subject, p CadencePolicy, today Date) []DueSubject {
	var out []DueSubject
	for _, s := range subjects {
		if ds := Cadence(s, p, today); ds.State != DueOK {
			out = append(out, ds)
		}
	}
	SortDue(out)
	return out
}

// SortDue orders a due list: never assessed first, then earliest due,
// then by name.
func SortDue(ds []DueSubject) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if (a.State == DueNever) != (b.State == DueNever) {
			return a.State == DueNever
		}
		if a.Due.Before(b.Due) || b.Due.Before(a.Due) {
			return a.Due.Before(b.Due)
		}
		return strings.ToLower(a.Subject.Name) < strings.ToLower(b.Subject.Name)
	})
}
