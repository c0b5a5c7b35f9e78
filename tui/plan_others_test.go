package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// changePlanAs changes plan item key in the other window under the name
// given.
func (o *otherWindow) changePlanAs(who string, id int64, key string, ch assess.PlanChange) {
	o.t.Helper()
	if _, _, err := o.db.ChangePlanItem(assess.WithActor(context.Background(), who), id, key, ch, testToday); err != nil {
		o.t.Fatal(err)
	}
}

// Another person's change to the plan showed on the plan screen as it
// was saved, but nothing said who changed what, as the line under the
// interview does for answers: a plan's owner or due date changed under
// the reader's eyes without a word. The line names the person, as the
// store recorded them, the item and its fields; the same person's change
// from another window is theirs; a key that moves on takes the line away.
func TestOthersPlanChangesSayWho(t *testing.T) {
	e, a := payrollAnswered(t)
	other := e.otherWindow()
	f := e.watching()
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")

	owner := "Red team"
	other.changePlanAs("Sam Ortiz", a.ID, "pentest", assess.PlanChange{Owner: &owner})
	f.waitFor("Red team", "Sam Ortiz changed plan item pentest (owner)")
	f.press("down")
	f.waitGone("Sam Ortiz changed")

	other.changePlanAs("Dana Reyes", a.ID, "pentest", assess.PlanChange{Status: assess.ItemInProgress})
	f.waitFor("you changed plan item pentest (status) in another window")
	if s := f.screen(); strings.Contains(s, "Sam Ortiz changed") {
		t.Errorf("Dana's own change is put to Sam:\n%s", s)
	}
	f.quit()
}
