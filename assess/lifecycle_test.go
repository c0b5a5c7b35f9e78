package assess

import (
	"strings"
	"testing"
)

// Four eyes looks at the submission under review: its author may not
// approve it, whatever the case or spacing of the name; once someone else
// resubmitted, the first author may.
func TestCheckFourEyes(t *testing.T) {
	on := NewDate(2026, 3, 2)
	sign := func(role, decision, name string) SignOff {
		return SignOff{Role: role, Decision: decision, Name: name, On: on}
	}
	cases := []struct {
		name     string
		signs    []SignOff
		approver string
		refused  bool
	}{
		{"the submitter", []SignOff{sign(RoleAuthor, "submitted", "Ana Analyst")}, "Ana Analyst", true},
		{"the submitter, other case and spaces", []SignOff{sign(RoleAuthor, "submitted", "Ana Analyst")}, "  ana analyst ", true},
		{"someone else", []SignOff{sign(RoleAuthor, "submitted", "Ana Analyst")}, "Rui Reviewer", false},
		{"resubmitted by someone else", []SignOff{
			sign(RoleAuthor, "submitted", "Ana Analyst"), sign(RoleReviewer, "rejected", "Rui Reviewer"),
			sign(RoleAuthor, "submitted", "Sam Second"), sign(RoleDPO, DPOFavourable, "Ana Analyst"),
		}, "Ana Analyst", false},
		{"never submitted", nil, "Ana Analyst", false},
	}
	for _, c := range cases {
		err := CheckFourEyes(&Assessment{SignOffs: c.signs}, c.approver, ActApprove)
		if c.refused != (err != nil) {
			t.Errorf("%s: refused %v, want %v (%v)", c.name, err != nil, c.refused, err)
		}
		if err != nil && (ErrorCode(err) != EConflict || !strings.Contains(err.Error(), "submitted it for review on 2026-03-02, and with four_eyes set someone else must approve it")) {
			t.Errorf("%s: %s %v", c.name, ErrorCode(err), err)
		}
	}
}

// The answers and plan items that differ from what was submitted, in
// review or once approved, in the questionnaire's order and by key; none
// for a draft or a rejected assessment. What was changed and changed back
// is as submitted; what was touched while the assessment was in review is
// kept as it was before the first change, and only then.
func TestChangedInReview(t *testing.T) {
	q := &Questionnaire{}
	for _, id := range []string{"a", "b", "c", "d"} {
		q.Questions = append(q.Questions, &Question{ID: id})
	}
	yes := func(id string) Answer { return Answer{QuestionID: id, Value: Value{Choices: []string{"yes"}}} }
	no := func(id string) Answer { return Answer{QuestionID: id, Value: Value{Choices: []string{"no"}}} }
	a := &Assessment{
		Questionnaire: q,
		Status:        InReview,
		SignOffs: []SignOff{
			{Role: RoleAuthor, Decision: "submitted", Name: "Dana"},
			{Role: RoleReviewer, Decision: "rejected", Name: "Rui"},
			{Role: RoleAuthor, Decision: "submitted", Name: "Dana"},
			{Role: RoleDPO, Decision: DPOFavourable, Name: "Lea"},
		},
		// c was no and d unanswered when submitted; b was changed and
		// changed back; a was never touched.
		Answers:   Answers{"a": yes("a"), "b": yes("b"), "c": yes("c"), "d": no("d")},
		PlanEdits: map[string]PlanEdit{"c": {Key: "c", Owner: "Ops"}, "b": {Key: "b", Owner: "IT"}, "a": {Key: "a", Owner: "Sec"}},
		AsSubmitted: &AsSubmitted{
			Answers: map[string]Answer{"d": {}, "c": no("c"), "b": yes("b")},
			Plan:    map[string]PlanEdit{"c": {}, "b": {Key: "b", Owner: "Ops"}, "a": {Key: "a", Owner: "Sec"}},
		},
	}
	check := func(when, answers, plan string) {
		t.Helper()
		if got := strings.Join(a.QuestionsChangedInReview(), " "); got != answers {
			t.Errorf("%s: answers changed in review %q, want %q", when, got, answers)
		}
		if got := strings.Join(a.PlanEditedInReview(), " "); got != plan {
			t.Errorf("%s: plan items edited in review %q, want %q", when, got, plan)
		}
	}
	check("in review", "c d", "b c")
	// Changed here, not yet read back from the store: a is kept as it was
	// before; c, already changed, keeps what was submitted, and going back
	// to it is no change.
	a.ChangingAnswer("a")
	a.Answers["a"] = no("a")
	a.ChangingAnswer("c")
	a.Answers["c"] = no("c")
	a.ChangingPlanItem("a")
	a.PlanEdits["a"] = PlanEdit{Key: "a", Owner: "Legal"}
	check("after changes here", "a d", "a b c")
	a.Status = Approved // locked: what changed in review stays so
	check("approved", "a d", "a b c")
	for _, st := range []Lifecycle{Draft, Rejected} {
		a.Status = st
		check(string(st), "", "")
	}
	// A rejected assessment's changes are not kept: nothing is in review.
	a.ChangingAnswer("e")
	a.ChangingPlanItem("e")
	if _, kept := a.AsSubmitted.Answers["e"]; kept {
		t.Errorf("a rejected assessment's answer kept as submitted: %v", a.AsSubmitted.Answers)
	}
	if _, kept := a.AsSubmitted.Plan["e"]; kept {
		t.Errorf("a rejected assessment's plan item kept as submitted: %v", a.AsSubmitted.Plan)
	}
	a.Status = InReview
	a.SignOffs = nil
	check("in review with no submission signed", "", "")
}
