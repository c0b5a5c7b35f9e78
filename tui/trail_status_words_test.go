package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The audit trail said a plan item's status as stored ("in-progress",
// "risk-accepted"), where the plan beside it says "in progress" and
// "risk accepted". The trail screen and accessible mode's trail now say
// them in words, as every other screen does. Records: 1 created, 2 mfa
// answered no, 3 mfa in progress, 4 mfa's risk accepted.
func TestTheTrailSaysPlanStatusesInWords(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	ctx := assess.WithActor(context.Background(), "Sam Lee")
	if err := e.db.SaveAnswer(ctx, a.ID, assess.Answer{QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}}); err != nil {
		t.Fatal(err)
	}
	change := func(ch assess.PlanChange) {
		if _, _, err := e.db.ChangePlanItem(ctx, a.ID, "mfa", ch, testToday); err != nil {
			t.Fatal(err)
		}
	}
	change(assess.PlanChange{Status: assess.ItemInProgress})
	change(assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "SSO next quarter", Expires: testToday.AddDays(90)}})

	f := e.startSized(e.deps(), 100, 40)
	f.waitFor("Acme Cloud Ltd")
	f.press("h")
	f.press("G")
	f.waitFor("#4  ", "status: in progress → risk accepted", "status: in progress")
	if s := f.screen(); strings.Contains(s, "in-progress") || strings.Contains(s, "risk-accepted") {
		t.Errorf("the trail screen shows a stored status:\n%s", s)
	}
	f.quit()

	out := e.accessible(lines("1", "b", "5", "a", "q"))
	for _, want := range []string{"status: in progress\n", "status: in progress to risk accepted\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("accessible trail lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "in-progress") || strings.Contains(out, "risk-accepted") {
		t.Errorf("accessible trail says a stored status:\n%s", out)
	}
}
