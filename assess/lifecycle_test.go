package assess

import (
	"strings"
	"testing"
	"time"
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
		err := CheckFourEyes(&Assessment{SignOffs: c.signs}, c.approver)
		if c.refused != (err != nil) {
			t.Errorf("%s: refused %v, want %v (%v)", c.name, err != nil, c.refused, err)
		}
		if err != nil && (ErrorCode(err) != EConflict || !strings.Contains(err.Error(), "submitted it for review on 2026-03-02, and with four_eyes set someone else must approve it")) {
			t.Errorf("%s: %s %v", c.name, ErrorCode(err), err)
		}
	}
}

// The answers changed after the latest submission, in review or once
// approved, in the questionnaire's order; none for a draft or a rejected
// assessment, or when the submission's time is unknown (signed before
// times were kept).
func TestChangedInReview(t *testing.T) {
	q := &Questionnaire{}
	for _, id := range []string{"a", "b", "c"} {
		q.Questions = append(q.Questions, &Question{ID: id})
	}
	submitted := time.Date(2026, 3, 2, 10, 0, 0, 0, time.UTC)
	a := &Assessment{
		Questionnaire: q,
		Status:        InReview,
		SignOffs: []SignOff{
			{Role: RoleAuthor, Decision: "submitted", Name: "Dana", At: submitted.Add(-48 * time.Hour)},
			{Role: RoleReviewer, Decision: "rejected", Name: "Rui", At: submitted.Add(-24 * time.Hour)},
			{Role: RoleAuthor, Decision: "submitted", Name: "Dana", At: submitted},
			{Role: RoleDPO, Decision: DPOFavourable, Name: "Lea", At: submitted.Add(time.Hour)},
		},
		Answers: Answers{
			"c": {QuestionID: "c", UpdatedAt: submitted.Add(2 * time.Hour), UpdatedBy: "Sam"},
			"a": {QuestionID: "a", UpdatedAt: submitted.Add(time.Minute), UpdatedBy: "Dana"},
			"b": {QuestionID: "b", UpdatedAt: submitted.Add(-time.Hour), UpdatedBy: "Dana"},
		},
	}
	var got []string
	for _, ans := range a.ChangedInReview() {
		got = append(got, ans.QuestionID+" by "+ans.UpdatedBy)
	}
	if strings.Join(got, ", ") != "a by Dana, c by Sam" {
		t.Errorf("changed in review: %v", got)
	}
	a.PlanEdits = map[string]PlanEdit{
		"c": {Key: "c", Owner: "Ops", UpdatedAt: submitted.Add(time.Minute)},
		"a": {Key: "a", Owner: "Sec", UpdatedAt: submitted.Add(-time.Minute)},
		"b": {Key: "b", Owner: "IT", UpdatedAt: submitted.Add(3 * time.Hour)},
	}
	if got := a.PlanEditedInReview(); strings.Join(got, " ") != "b c" {
		t.Errorf("plan items edited in review: %v, want b and c", got)
	}
	a.Status = Approved // locked: what changed in review stays so
	if got := a.ChangedInReview(); len(got) != 2 {
		t.Errorf("approved: %v", got)
	}
	for _, st := range []Lifecycle{Draft, Rejected} {
		a.Status = st
		if got, plan := a.ChangedInReview(), a.PlanEditedInReview(); len(got) != 0 || len(plan) != 0 {
			t.Errorf("%s: %v %v", st, got, plan)
		}
	}
	a.Status = InReview
	a.SignOffs[2].At = time.Time{}
	if got := a.ChangedInReview(); len(got) != 0 {
		t.Errorf("a submission with no time: %v", got)
	}
}
