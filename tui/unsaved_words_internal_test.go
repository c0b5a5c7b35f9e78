package tui

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A plan change not saved is named on quitting by what it sets, each
// field as the plan's form would have set it, text quoted and cleaned.
func TestAPlanChangeNotSavedIsNamedByWhatItSets(t *testing.T) {
	owner, none, action, back := "Ana\x1b[31m Ruiz", "", "Rotate the keys", ""
	due, err := assess.ParseDate("2026-05-15")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		ch   assess.PlanChange
		want string
	}{
		{assess.PlanChange{Status: assess.ItemDone}, "setting its status to done"},
		{assess.PlanChange{Owner: &owner, Status: assess.ItemInProgress}, `setting its owner to "Ana\x1b[31m Ruiz", its status to in progress`},
		{assess.PlanChange{Due: due, DueReason: "vendor's window"}, `setting its due date to 2026-05-15 (reason "vendor's window")`},
		{assess.PlanChange{Owner: &none, Action: &back}, "setting no owner, its action back to the recommended one"},
		{assess.PlanChange{ResetDue: true}, "setting its due date back to the policy's"},
		{assess.PlanChange{Action: &action}, `setting its action to "Rotate the keys"`},
		{assess.PlanChange{AddMilestones: []assess.Milestone{{Title: "Keys rotated", Due: due}}}, `setting a milestone "Keys rotated" by 2026-05-15`},
		{assess.PlanChange{Owner: func() *string { s := strings.Repeat("long owner name ", 10); return &s }()}, `setting its owner to "long owner name long owner name long owner name long owne…`},
	}
	for _, c := range cases {
		if got := givenPlanChange(c.ch); got != c.want {
			t.Errorf("named as\n%q\nwant\n%q", got, c.want)
		}
		if strings.ContainsRune(givenPlanChange(c.ch), '\x1b') {
			t.Errorf("an escape reached the words: %q", givenPlanChange(c.ch))
		}
	}
}
