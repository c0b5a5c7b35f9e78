package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// An action, a due date's reason or an acceptance's reason written in
// lines (steps, paragraphs) was read out in accessible mode as one run-on
// line: "Action: Enrol the admins. Then the staff Then the contractors."
// It is read as the command line's listing keeps it (safetext.Lines): the
// label, then each line on its own, and a blank line where a paragraph
// ends; a line's escape sequence stays cleaned.
func TestAccessibleReadsAnItemsLines(t *testing.T) {
	e, a := payrollAnswered(t)
	// The changes recorded on testToday, the day the workspace reads: the
	// plan is judged through the day the trail dates an acceptance
	// (assess.JudgedAsReported), and on the store's own clock this one
	// would be given on the day the test runs, after it expired.
	tick := time.Date(2026, time.March, 31, 12, 0, 0, 0, time.Local)
	e.db.Now = func() time.Time { tick = tick.Add(time.Second); return tick }
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	action := "Book the test:\n- scope the payroll API\n- \x1b[31mretest\x1b[0m the fixes\n\n\nReport to the board."
	// pentest is medium: due 90 days after the assessment's day by
	// default (2026-06-29), moved 30 days on.
	due := testToday.AddDays(120)
	ch := assess.PlanChange{Action: &action, Due: due, DueReason: "The testers are booked.\nTheir slot is in June."}
	if _, _, err := e.db.ChangePlanItem(ctx, a.ID, "pentest", ch, testToday); err != nil {
		t.Fatal(err)
	}
	accept := assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "Low exposure.\nRevisit in Q3.", Expires: testToday.AddDays(90)}}
	if _, _, err := e.db.ChangePlanItem(ctx, a.ID, "pentest", accept, testToday); err != nil {
		t.Fatal(err)
	}
	text := e.accessible(lines(
		"1", "2", "1", // the assessment, its plan, item 1
		"4", "", // the action read out before it is changed; Enter keeps it
		"b", "b", "q",
	))
	for _, want := range []string{
		"\nAction, in 4 lines:\nBook the test:\n- scope the payroll API\n- retest the fixes\n\nReport to the board.\n",
		"\nDue date moved from " + testToday.AddDays(90).String() + " to " + due.String() + ", in 2 lines:\nThe testers are booked.\nTheir slot is in June.\n",
		"\nRisk accepted by CISO until " + testToday.AddDays(90).String() + ", in force, in 2 lines:\nLow exposure.\nRevisit in Q3.\n",
		"\nAction of pentest now, in 4 lines:\nBook the test:\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if strings.ContainsRune(text, '\x1b') {
		t.Errorf("an escape sequence was read out:\n%q", text)
	}
}
