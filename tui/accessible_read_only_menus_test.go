package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// An auditor (a team login that reads and verifies, but does not write)
// was offered every action that writes: n for a new assessment at the
// list, each unanswered question asked with "Answer, or s to skip, note:
// ...", the plan's items "to change", and sign-off, each ending in a
// refusal. As the workspace offers such a login no key that writes
// (TestAReadOnlyLoginIsOfferedNoKeyThatWrites), accessible mode offers
// it what it may do: hear the result, the plan, the report, the trail.
func TestAccessibleReadOnlyLoginIsOfferedNothingThatWrites(t *testing.T) {
	e, a := payrollAnswered(t)
	d := e.deps()
	d.Actor, d.Login, d.Roles = "audrey", "audrey", []string{assess.RoleAuditor}
	d.ReadRoles = func(context.Context) ([]string, error) { return []string{assess.RoleAuditor}, nil }
	before := e.load(a.ID)
	text := runAccessibleWith(t, d, lines("1", "2", "1", "b", "b", "q"))
	for _, writes := range []string{
		"n for a new assessment",
		"Answer, or s to skip",
		"answer its questions",
		"3 to sign it off",
		"number to change it",
		"Type 1 to change the owner",
	} {
		if strings.Contains(text, writes) {
			t.Errorf("the auditor is offered %q:\n%s", writes, text)
		}
	}
	for _, want := range []string{
		"Type an assessment's number to hear it, or q to quit:",
		"You may read it but not change it: your login audrey has the role auditor: answers, notes and plans are changed by an analyst (an owner grants roles with assay team grant).\n",
		"Type 1 to hear its result, 2 for its remediation plan, 4 to write its report to a file, 5 to hear its audit trail, b to go back to the list, q to quit:",
		"Type an item's number to hear it in full, l to hear the plan again",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if after := e.load(a.ID); len(after.Answers) != len(before.Answers) {
		t.Errorf("answers went from %d to %d", len(before.Answers), len(after.Answers))
	}
}

// An approved assessment is locked: its questions were not asked (it said
// so), but its choices still offered "1 to answer its questions" and its
// plan's items "to change it". They offer what it allows: its result, its
// plan to hear, and its sign-off, where a revision starts.
func TestAccessibleApprovedAssessmentOffersNothingThatWrites(t *testing.T) {
	e, a := payrollAnswered(t)
	for _, step := range []struct {
		who string
		act assess.Action
	}{{"Ana", assess.ActSubmit}, {"Rui Reviewer", assess.ActApprove}} {
		if _, err := e.db.Review(assess.WithActor(context.Background(), step.who), a.ID, step.act, testToday, "ok"); err != nil {
			t.Fatal(err)
		}
	}
	text := e.accessible(lines("1", "1", "2", "1", "b", "b", "q"))
	for _, writes := range []string{"answer its questions", "number to change it", "Type 1 to change the owner", "Answer, or s to skip"} {
		if strings.Contains(text, writes) {
			t.Errorf("the approved assessment offers %q:\n%s", writes, text)
		}
	}
	for _, want := range []string{
		"Type 1 to hear its result, 2 for its remediation plan, 3 to sign it off, 4 to write its report to a file, 5 to hear its audit trail, b to go back to the list, q to quit:",
		"Type an item's number to hear it in full, l to hear the plan again",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
}
