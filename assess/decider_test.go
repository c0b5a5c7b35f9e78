package assess_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Who may take which decision on an assessment in review that Dana
// submitted: worked out by hand from the lifecycle (in review: approve,
// reject, withdraw), the roles (an analyst withdraws, an approver approves
// and rejects) and four eyes (the submitter neither approves nor rejects).
func TestDeciderOnAnAssessmentDanaSubmitted(t *testing.T) {
	submitted, err := assess.ParseDate("2026-03-31")
	if err != nil {
		t.Fatal(err)
	}
	a := &assess.Assessment{ID: 7, Status: assess.InReview, SignOffs: []assess.SignOff{
		{Role: assess.RoleAuthor, Name: "Erin", Decision: "submitted"},
		{Role: assess.RoleAuthor, Name: "Erin", Decision: "withdrawn"},
		{Role: assess.RoleAuthor, Name: "Dana Reyes", Decision: "submitted", On: submitted},
	}}
	both := []string{assess.RoleAnalyst, assess.RoleApprover}
	cases := []struct {
		name                      string
		who                       assess.Decider
		approve, reject, withdraw bool
		withheld                  bool
	}{
		{"Dana on her file, no four eyes", assess.Decider{Name: "Dana Reyes"}, true, true, true, false},
		{"Dana on her file, four eyes", assess.Decider{Name: "Dana Reyes", FourEyes: true}, false, false, true, true},
		{"Dana typed otherwise, four eyes", assess.Decider{Name: "dana  reyes", FourEyes: true}, false, false, true, true},
		{"Erin, who submitted before, four eyes", assess.Decider{Name: "Erin", FourEyes: true}, true, true, true, false},
		{"Dana the team's analyst and approver", assess.Decider{Name: "Dana Reyes", Roles: both, FourEyes: true}, false, false, true, true},
		{"Dana the team's analyst", assess.Decider{Name: "Dana Reyes", Roles: []string{assess.RoleAnalyst}, FourEyes: true}, false, false, true, false},
		{"Erin the team's approver", assess.Decider{Name: "Erin", Roles: []string{assess.RoleApprover}, FourEyes: true}, true, true, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := [3]bool{c.who.MayTake(a, assess.ActApprove), c.who.MayTake(a, assess.ActReject), c.who.MayTake(a, assess.ActWithdraw)}
			if want := [3]bool{c.approve, c.reject, c.withdraw}; got != want {
				t.Errorf("approve, reject, withdraw: %v, want %v", got, want)
			}
			if c.who.MayTake(a, assess.ActSubmit) {
				t.Error("may submit what is in review")
			}
			sub, withheld := c.who.WithheldByFourEyes(a)
			if withheld != c.withheld || (withheld && sub.On.String() != "2026-03-31") {
				t.Errorf("withheld %v by the submission of %s, want %v by that of 2026-03-31", withheld, sub.On, c.withheld)
			}
		})
	}
}
