package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// The workspace's plan screen is judged on the day the report made the
// same minute is dated (assess.JudgedAsReported): no earlier than the
// newest acceptance it shows, which a colleague whose calendar is a day
// ahead may have given on a day that has not begun where the analyst is.
// Judged on the analyst's today, the screen had none overdue where the
// report and assay plan, written the same minute, had an item overdue.
//
// Worked out by hand (payrollAcceptedAhead), with D the day the trail
// records pentest's acceptance and the analyst's today D-1: the plan has
// two items, pentest (accepted on D until 2099-12-31: closed) and mfa
// (moved to be due on D-1). On D-1 mfa is due today and nothing is
// overdue; on D, the report's date, mfa is overdue by 1 day: 2 items, 1
// open, 1 overdue.
func TestPlanScreenIsJudgedOnTheDayItsReportIs(t *testing.T) {
	e, _, other, day, yesterday := payrollAcceptedAhead(t)
	if other != "mfa" {
		t.Fatalf("the item moved is %s, not mfa as worked out", other)
	}
	d := e.deps()
	d.Today = func() assess.Date { return yesterday }
	f := e.startWith(d)
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest", "mfa")
	f.waitFor("2 items · 1 open · 1 overdue", "as of "+day.String()+", the report's date")
	// The cursor on mfa, whichever row the due dates sort it to.
	for range 2 {
		if strings.Contains(f.screen(), "Board meets then") {
			break
		}
		f.press("down")
		f.waitFor("Action:")
	}
	f.waitFor("Due "+yesterday.String(), "Board meets then) · overdue by 1 day")
	if strings.Contains(f.screen(), "none overdue") || strings.Contains(f.screen(), "due today") {
		t.Errorf("the plan screen on %s is judged on the analyst's today, not the report's date %s:\n%s", yesterday, day, f.screen())
	}
	f.quit()
}

// An acceptance a colleague ahead in time gives while the plan screen is
// open moves the screen to its day as it arrives, as a report made then
// would be dated: the workspace read the acceptances' days only when it
// opened the assessment.
//
// Worked out by hand, with D the day the trail records the acceptance
// and the analyst's today the day before the test began (D-1, or D-2 if
// midnight passed meanwhile): mfa, moved to be due on that day, is due
// today and nothing is overdue while pentest is open (due 2026-06-29,
// already overdue: 2 items, 2 open, 1 overdue); pentest accepted, it
// closes and mfa is overdue on D: 2 items, 1 open, 1 overdue, as of D.
func TestPlanScreenFollowsAnAcceptanceGivenAheadWhileOpen(t *testing.T) {
	e, a, ctx, yesterday := payrollMFADueYesterday(t)
	other := e.otherWindow()
	d := e.watchingDeps()
	d.Today = func() assess.Date { return yesterday }
	f := e.startWith(d)
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest", "mfa")
	f.waitFor("2 items · 2 open · 1 overdue", "today "+yesterday.String())

	accept := assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "Test booked", Expires: assess.NewDate(2099, 12, 31)}}
	other.changePlanAs("Sam Ortiz", a.ID, "pentest", accept)
	stamps, err := e.db.PlanFieldStamps(ctx, a.ID, "pentest")
	if err != nil {
		t.Fatal(err)
	}
	day := assess.DateOf(stamps[assess.FieldStatus].At.Local())
	f.waitFor("2 items · 1 open · 1 overdue", "as of "+day.String()+", the report's date")
	f.quit()
}

// payrollMFADueYesterday is payrollAnswered with Sam Ortiz's answer "no"
// to mfa, its plan item moved to be due on the analyst's yesterday ("Board
// meets then"); ctx acts as Sam Ortiz.
func payrollMFADueYesterday(t *testing.T) (*env, *assess.Assessment, context.Context, assess.Date) {
	t.Helper()
	e, a := payrollAnswered(t)
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	if err := e.db.SaveAnswers(ctx, a.ID, []assess.Answer{{QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}}}); err != nil {
		t.Fatal(err)
	}
	yesterday := assess.DateOf(time.Now()).AddDays(-1)
	move := assess.PlanChange{Due: yesterday, DueReason: "Board meets then"}
	if _, _, err := e.db.ChangePlanItem(ctx, a.ID, "mfa", move, yesterday); err != nil {
		t.Fatal(err)
	}
	return e, a, ctx, yesterday
}
