package assess

import (
	"strings"
	"testing"
)

func day7(s string) Date {
	v, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return v
}

func TestAddMonths(t *testing.T) {
	for _, tc := range []struct {
		from   string
		months int
		want   string
	}{
		{"2025-03-01", 12, "2026-03-01"},
		{"2025-01-31", 1, "2025-02-28"}, // no 31 February: the month's last day
		{"2024-01-31", 1, "2024-02-29"}, // leap year
		{"2024-02-29", 12, "2025-02-28"},
		{"2025-11-15", 24, "2027-11-15"},
		{"2025-08-31", 36, "2028-08-31"},
	} {
		if got := day7(tc.from).AddMonths(tc.months).String(); got != tc.want {
			t.Errorf("%s + %d months = %s, want %s", tc.from, tc.months, got, tc.want)
		}
	}
}

func TestCadencePolicy(t *testing.T) {
	p := DefaultCadence()
	for tier, want := range map[string]int{"critical": 12, "high": 12, "moderate": 24, "low": 36, "": 36} {
		if got := p.Interval(tier); got != want {
			t.Errorf("default %q: %d months, want %d", tier, got, want)
		}
	}
	q, err := p.Merge(map[string]int{"critical": 6, "default": 48})
	if err != nil {
		t.Fatal(err)
	}
	for tier, want := range map[string]int{"critical": 6, "high": 12, "low": 36, "": 48} {
		if got := q.Interval(tier); got != want {
			t.Errorf("merged %q: %d months, want %d", tier, got, want)
		}
	}
	if p.Interval("critical") != 12 {
		t.Error("Merge changed the policy it was called on")
	}
	for _, bad := range []map[string]int{{"extreme": 3}, {"high": 0}, {"default": -1}, {"low": 121}} {
		if _, err := p.Merge(bad); err == nil {
			t.Errorf("%v: want an error", bad)
		}
	}
}

func ref(id int64, on string, st Lifecycle) AssessmentRef {
	return AssessmentRef{ID: id, AssessedOn: day7(on), Status: st, Revision: 1}
}

// The due list on 2026-03-10 under the default policy, worked out by hand.
func TestDueSubjects(t *testing.T) {
	archived := ref(20, "2020-01-01", Approved)
	archived.Archived = true
	subjects := []*Subject{
		// Critical: approved 2025-03-01, due 12 months later on 2026-03-01,
		// 9 days overdue; the 2026 draft is the reassessment under way.
		{ID: 1, Name: "Acme", Tier: "critical", Assessments: []AssessmentRef{ref(1, "2025-03-01", Approved), ref(3, "2026-03-01", Draft)}},
		// Moderate: approved 2024-04-01, due 2026-04-01: 22 days away,
		// within the 30-day window.
		{ID: 2, Name: "Beta", Tier: "moderate", Assessments: []AssessmentRef{ref(2, "2024-04-01", Approved)}},
		// No tier (36 months) and nothing approved: runs from the draft of
		// 2025-01-15, due 2028-01-15: not listed.
		{ID: 3, Name: "Gamma", Assessments: []AssessmentRef{ref(4, "2025-01-15", Draft)}},
		// Only a rejected assessment: never assessed.
		{ID: 4, Name: "Delta", Tier: "high", Assessments: []AssessmentRef{ref(5, "2026-01-01", Rejected)}},
		// High: approved 2025-06-01, due 2026-06-01 (83 days): the later
		// rejected one does not count. Not listed.
		{ID: 5, Name: "Echo", Tier: "high", Assessments: []AssessmentRef{ref(6, "2025-06-01", Approved), ref(7, "2026-01-01", Rejected)}},
		// The archived 2020 assessment does not count; low, approved
		// 2023-03-10: due 2026-03-10, today: due.
		{ID: 6, Name: "foxtrot", Tier: "low", Assessments: []AssessmentRef{archived, ref(8, "2023-03-10", Approved)}},
		// Nothing at all.
		{ID: 7, Name: "Golf"},
	}
	got := DueSubjects(subjects, DefaultCadence(), day7("2026-03-10"))
	type row struct {
		name     string
		state    DueState
		due      string
		daysLeft int
		last     int64
		approved bool
		progress int64
	}
	want := []row{
		{"Delta", DueNever, "", 0, 0, false, 0},
		{"Golf", DueNever, "", 0, 0, false, 0},
		{"Acme", DueOverdue, "2026-03-01", -9, 1, true, 3},
		{"foxtrot", DueSoon, "2026-03-10", 0, 8, true, 0},
		{"Beta", DueSoon, "2026-04-01", 22, 2, true, 0},
	}
	var rows []row
	for _, g := range got {
		rows = append(rows, row{g.Subject.Name, g.State, g.Due.String(), g.DaysLeft, g.Last.ID, g.LastApproved, g.InProgress})
	}
	if len(rows) != len(want) {
		t.Fatalf("got %+v\nwant %+v", rows, want)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d: got %+v, want %+v", i, rows[i], want[i])
		}
	}
	// Gamma runs from its unapproved draft.
	if c := Cadence(subjects[2], DefaultCadence(), day7("2026-03-10")); c.State != DueOK || c.Due.String() != "2028-01-15" || c.LastApproved || c.Months != 36 {
		t.Errorf("Gamma: %+v", c)
	}
	// A shorter window drops Beta.
	p := DefaultCadence()
	p.Soon = 7
	if n := len(DueSubjects(subjects, p, day7("2026-03-10"))); n != 4 {
		t.Errorf("within 7 days: %d subjects, want 4", n)
	}
}

func TestResolveTier(t *testing.T) {
	s := &Subject{SetTier: "low", Assessments: []AssessmentRef{
		{ID: 1, AssessedOn: day7("2024-01-01"), Status: Approved, Tier: "moderate"},
		{ID: 2, AssessedOn: day7("2025-01-01"), Status: Approved, Tier: "high"},
		{ID: 3, AssessedOn: day7("2026-01-01"), Status: Rejected, Tier: "critical"},
		{ID: 4, AssessedOn: day7("2026-02-01"), Status: Draft}, // no tier level, or not determined yet
	}}
	s.ResolveTier()
	if s.Tier != "high" || s.TierFrom != 2 {
		t.Fatalf("tier %q from %d, want high from 2", s.Tier, s.TierFrom)
	}
	s.Assessments = nil
	s.ResolveTier()
	if s.Tier != "low" || s.TierFrom != 0 {
		t.Fatalf("tier %q from %d, want low set by hand", s.Tier, s.TierFrom)
	}
}

func TestTransitions(t *testing.T) {
	type tc struct {
		from   Lifecycle
		action Action
		to     Lifecycle
		code   string
		msg    string
	}
	for _, c := range []tc{
		{Draft, ActSubmit, InReview, "", ""},
		{"", ActSubmit, InReview, "", ""},
		{Rejected, ActSubmit, InReview, "", ""},
		{InReview, ActApprove, Approved, "", ""},
		{InReview, ActReject, Rejected, "", ""},
		{InReview, ActWithdraw, Draft, "", ""},
		{InReview, ActSubmit, "", EConflict, "already in review"},
		{Draft, ActApprove, "", EConflict, "submit it for review first"},
		{Rejected, ActApprove, "", EConflict, "resubmit it"},
		{Approved, ActApprove, "", EConflict, "already approved"},
		{Draft, ActReject, "", EConflict, "only an assessment in review"},
		{Rejected, ActReject, "", EConflict, "already rejected"},
		{Approved, ActReject, "", ELocked, "approved and locked"},
		{Approved, ActSubmit, "", ELocked, "approved and locked"},
		{Approved, ActWithdraw, "", EConflict, "only an assessment in review can be withdrawn"},
		{Draft, "publish", "", EInvalid, "unknown lifecycle action"},
	} {
		got, err := Transition(c.from, c.action)
		if got != c.to || ErrorCode(err) != c.code || (c.msg != "" && !strings.Contains(err.Error(), c.msg)) {
			t.Errorf("%s --%s-->: got %q, %v; want %q, %s %q", c.from, c.action, got, err, c.to, c.code, c.msg)
		}
	}
}

func TestSignOffNeedsName(t *testing.T) {
	for _, name := range []string{"", "  ", "unknown"} {
		if _, err := NewSignOff(ActApprove, name, day7("2026-03-01"), ""); ErrorCode(err) != EInvalid || !strings.Contains(err.Error(), "signing needs a name") {
			t.Errorf("name %q: %v", name, err)
		}
	}
	s, err := NewSignOff(ActApprove, " Rui Reviewer ", day7("2026-03-01"), " ok ")
	if err != nil || s.Name != "Rui Reviewer" || s.Role != RoleReviewer || s.Decision != "approved" || s.Comment != "ok" {
		t.Fatalf("%+v %v", s, err)
	}
	if _, err := NewSignOff(ActApprove, "Rui", Date{}, ""); err == nil {
		t.Error("a signature without a date was accepted")
	}
}
