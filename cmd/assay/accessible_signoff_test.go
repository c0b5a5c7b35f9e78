package main

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// In accessible mode an assessment is submitted, sent back with a comment
// and approved as in the workspace's sign-off, with the four-eyes rule and
// every refusal the store gives said in words; once approved, its plan is
// locked.
func TestAccessibleSignOff(t *testing.T) {
	s := newAccessibleSession(t)
	s.config("four_eyes: true\n")
	dana, omar := s.as("Dana Reyes"), s.as("Omar Diaz")

	out := dana.drive(
		"1", "3", // assessment 1, sign off
		"1", "", // submit for review, no comment
		"3", "b", // what she submitted: four eyes withhold Approve and Reject, and say so first
		"q",
	)
	s.says(out,
		"Sign-off of assessment 1, Acme Cloud Ltd, state: draft. You sign as Dana Reyes",
		"Decisions: 1 Submit for review.",
		"Type a decision's number, or b to go back to assessment 1's choices:",
		"Signed: submitted by Dana Reyes on ", "Assessment 1 is now in review.",
		"Approve and Reject are not offered: you submitted it for review on ",
		"; another approver decides (four eyes), or withdraw it to draft.\nDecisions: 1 Withdraw to draft.\n",
	)
	if a := s.assessment(1); a.Status != assess.InReview {
		t.Fatalf("after the sign-off she left the state is %s", a.Status)
	}

	out = omar.drive(
		"1", "3",
		"2", "", // reject without saying why: asked again
		"Encryption at rest is not evidenced",
		"q",
	)
	s.says(out,
		"Comment for the signature: this decision needs one, saying why. Type it, or b to go back without signing:",
		"Say why: this decision needs a comment.",
		"Signed: rejected by Omar Diaz on ", "Assessment 1 is now rejected.",
	)
	a := s.assessment(1)
	if last := a.SignOffs[len(a.SignOffs)-1]; a.Status != assess.Rejected || last.Decision != "rejected" || last.Comment != "Encryption at rest is not evidenced" {
		t.Fatalf("after the rejection: state %s, last signature %+v", a.Status, last)
	}

	dana.drive("1", "3", "1", "Evidence attached", "q")
	out = omar.drive(
		"1", "3", "1", "", // approve
		"2", "2", "1", "Sam Ortiz", // then change the plan: locked
		"b", "b", "q",
	)
	s.says(out,
		"Signed: approved by Omar Diaz on ", "Assessment 1 is now approved and locked: its answers and plan change only in a revision.",
		"This item cannot be changed: assessment 1 is approved and locked",
	)
	a = s.assessment(1)
	if a.Status != assess.Approved || a.PlanEdits["mfa"].Owner != "" {
		t.Errorf("after the approval: state %s, mfa %+v", a.Status, a.PlanEdits["mfa"])
	}

	// Once approved, the sign-off starts a revision, and its choices are
	// the revision's.
	out = dana.drive("1", "3", "1", "2", "2", "1", "Sam Ortiz", "b", "b", "b", "q")
	s.says(out,
		"Decisions: 1 Start a revision: a new draft with these answers and plan.",
		"Revision 2 started as assessment 2: a draft with the answers and plan of assessment 1.",
		"Assessment 2, Acme Cloud Ltd, draft.",
	)
	if r := s.assessment(2); r.RevisionOf != 1 || r.PlanEdits["mfa"].Owner != "Sam Ortiz" {
		t.Errorf("the revision: revises %d, mfa %+v", r.RevisionOf, r.PlanEdits["mfa"])
	}
}
