package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The review's risk detail marks the plan items a risk's measures rely on
// overdue on the day the plan screen judges them (the day the report made
// the same minute is dated: assess.JudgedAsReported), not on this
// computer's today: judged on today, the review said an item was still
// to come that the plan screen and the report, the same minute, said was
// overdue.
//
// Worked out by hand (payrollAcceptedAhead), with D the day the trail
// records pentest's acceptance and the analyst's today D-1: mfa is moved
// to be due on D-1 and the breach risk's measures rely on it. The report
// is dated D, so mfa, open and due D-1, is overdue there; on D-1 it would
// be due today and not overdue.
func TestReviewRiskDetailIsJudgedOnThePlanScreensDay(t *testing.T) {
	e, a, other, day, yesterday := payrollAcceptedAhead(t)
	if other != "mfa" {
		t.Fatalf("the item moved is %s, not mfa as worked out", other)
	}
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	breach := assess.Answer{QuestionID: "breach", Value: assess.Value{Risk: &assess.RiskRating{
		Likelihood: 3, Impact: 4, AfterLikelihood: 1, AfterImpact: 2, Measures: "Enforce MFA", PlanItems: []string{"mfa"}}}}
	if err := e.db.SaveAnswers(ctx, a.ID, []assess.Answer{breach}); err != nil {
		t.Fatal(err)
	}
	d := e.deps()
	d.Today = func() assess.Date { return yesterday }
	f := e.startWith(d)
	f.waitFor("Payroll system")
	// The plan screen first, whose day the review must share.
	f.press("p")
	f.waitFor("[Plan]", "2 items · 1 open · 1 overdue", "as of "+day.String()+", the report's date")
	f.press("esc")
	f.waitGone("[Plan]")
	// The portfolio is read again on the way home: r before its list
	// shows has no row to open.
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("[Scores]")
	f.press("right")
	f.waitFor("[Why]")
	f.press("right")
	f.waitFor("[Risks]", "1. Data breach")
	f.waitFor("Plan item mfa: open, due " + yesterday.String())
	if !strings.Contains(f.screen(), "Plan item mfa: open, due "+yesterday.String()+", overdue") {
		t.Errorf("the review's risk detail judges mfa on the analyst's today %s, not the plan screen's day %s:\n%s", yesterday, day, f.screen())
	}
	f.quit()
}
