package assess_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// An assessment's state on a day is the one the last step of its review
// dated on or before that day left it in; worked out by hand from its
// steps: submitted 03-02, rejected 03-05, submitted again 03-09 and
// approved the same day, with a DPO opinion of 03-12 that changes no
// state.
func TestStatusOnIsTheStateOfTheLastStepByThatDay(t *testing.T) {
	var steps []assess.ReviewStep
	for _, s := range []assess.SignOff{
		{Role: assess.RoleAuthor, On: assess.NewDate(2026, 3, 2), Decision: "submitted"},
		{Role: assess.RoleReviewer, On: assess.NewDate(2026, 3, 5), Decision: "rejected"},
		{Role: assess.RoleAuthor, On: assess.NewDate(2026, 3, 9), Decision: "submitted"},
		{Role: assess.RoleReviewer, On: assess.NewDate(2026, 3, 9), Decision: "approved"},
		{Role: assess.RoleDPO, On: assess.NewDate(2026, 3, 12), Decision: "submitted"},
	} {
		if step, ok := assess.ReviewStepOf(s); ok {
			steps = append(steps, step)
		}
	}
	if len(steps) != 4 {
		t.Fatalf("%d steps, want 4 (a DPO opinion is not a step of the review)", len(steps))
	}
	r := assess.AssessmentRef{Status: assess.Approved, Steps: steps}
	for day, want := range map[int]assess.Lifecycle{
		1: assess.Draft, 2: assess.InReview, 4: assess.InReview, 5: assess.Rejected, 8: assess.Rejected,
		9: assess.Approved, 30: assess.Approved,
	} {
		if got := r.StatusOn(assess.NewDate(2026, 3, day)); got != want {
			t.Errorf("on 2026-03-%02d: %s, want %s", day, got, want)
		}
	}
	// Without its steps the state is the one it has.
	if got := (assess.AssessmentRef{Status: assess.Approved}).StatusOn(assess.NewDate(2020, 1, 1)); got != assess.Approved {
		t.Errorf("a ref without steps on an earlier day: %s, want approved", got)
	}
}
