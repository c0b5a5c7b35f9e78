package tui_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// A reassessment is due on its due date and overdue from the day after:
// the home screen named a subject due on 10 January 2026 as "overdue
// since 2026-01-10", a day on which it was due, not overdue. On 10 January
// a subject assessed on 10 January 2025 (yearly) is due; on 12 January
// one assessed on 10 January 2025 is overdue, and was due on the 10th.
// On the day itself it is "due today", as assay due and the plan say,
// not "due 2026-01-10", a date the reader must match against today's.
func TestHomeSaysWhenAReassessmentWasDue(t *testing.T) {
	policy := assess.CadencePolicy{Default: 12, Soon: 30}
	subject := func(name string, assessed assess.Date) *assess.Subject {
		return &assess.Subject{Name: name, Assessments: []assess.AssessmentRef{{ID: 1, AssessedOn: assessed, Status: assess.Approved}}}
	}
	jan10, _ := assess.ParseDate("2026-01-10")
	lastYear, _ := assess.ParseDate("2025-01-10")

	today := tui.DueLineForTest(assess.DueSubjects([]*assess.Subject{subject("Acme", lastYear)}, policy, jan10))
	if want := "Reassessment: Acme due today"; today != want {
		t.Errorf("on its due date: %q, want %q", today, want)
	}
	soon := tui.DueLineForTest(assess.DueSubjects([]*assess.Subject{subject("Acme", lastYear)}, policy, jan10.AddDays(-1)))
	if want := "Reassessment: Acme due 2026-01-10"; soon != want {
		t.Errorf("the day before its due date: %q, want %q", soon, want)
	}
	later := tui.DueLineForTest(assess.DueSubjects([]*assess.Subject{subject("Acme", lastYear)}, policy, jan10.AddDays(2)))
	if want := "Reassessment: Acme was due 2026-01-10"; later != want {
		t.Errorf("two days after its due date: %q, want %q", later, want)
	}
	if strings.Contains(later, "since 2026-01-10") {
		t.Errorf("%q says it was overdue on the day it was due", later)
	}
}
