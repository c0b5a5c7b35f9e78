package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// answerAs answers in the other window under the name given.
func (o *otherWindow) answerAs(who string, id int64, qid, choice string) {
	o.t.Helper()
	ctx := assess.WithActor(context.Background(), who)
	ans := assess.Answer{QuestionID: qid, Value: assess.Value{Choices: []string{choice}}}
	if err := o.db.SaveAnswer(ctx, id, ans); err != nil {
		o.t.Fatal(err)
	}
}

// The line that tells of others' changes names who made them, as the
// store recorded it, and says when it was this same person in another
// window (their own CLI, a second workspace). It said "changed by
// others" whoever it was, and stayed: on the portfolio after esc, and
// over the sign-off form. A key that moves on acknowledges it.
func TestOthersChangesSayWhoAndClearOnceSeen(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	other := e.otherWindow()
	f := e.watching()
	f.waitFor("Acme Cloud Ltd", "0/33")
	f.press("enter")
	f.waitFor("question 1 of 33")

	other.answerAs("Sam Ortiz", a.ID, "attestation", "no")
	f.waitFor("Sam Ortiz changed attestation")
	f.press("right")
	f.waitFor("question 2 of 33")
	f.waitGone("Sam Ortiz changed")

	other.answerAs("Dana Reyes", a.ID, "policy", "yes")
	f.waitFor("you changed policy in another window")
	if s := f.screen(); strings.Contains(s, "by others") {
		t.Errorf("Dana's own answer from another window is said to be by others:\n%s", s)
	}
	f.press("esc")
	f.waitFor("Assessments", "2/33")
	f.waitGone("you changed policy")

	// On the portfolio nothing of the assessment last open is said: its
	// row shows the change.
	other.answerAs("Sam Ortiz", a.ID, "mfa", "no")
	f.waitFor("3/33")
	if s := f.screen(); strings.Contains(s, "changed mfa") {
		t.Errorf("the portfolio speaks of a change to an assessment it does not show open:\n%s", s)
	}
	f.quit()
}

// The sign-off form is not covered by a line about answers: the change
// shows in the review the form goes back to.
func TestOthersChangesStayOffTheSignOffForm(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	other := e.otherWindow()
	f := e.watching()
	f.waitFor("Acme Cloud Ltd")
	f.press("r")
	f.waitFor("State: draft")
	other.answerAs("Sam Ortiz", a.ID, "attestation", "no")
	f.waitFor("Sam Ortiz changed attestation")
	f.press("S")
	f.waitFor("Sign off", "Decision")
	f.waitGone("Sam Ortiz changed")
	// The frame drawn once the read the watcher's notice asks for is
	// taken in: the line would be there if the form showed it.
	settled := f.frameAfter(tui.RefreshMerged("policy"))
	other.answerAs("Sam Ortiz", a.ID, "policy", "yes")
	if s := settled(); !strings.Contains(s, "Decision") || strings.Contains(s, "changed policy") {
		t.Errorf("the sign-off form, once Sam's answer is read, is not the form, or shows a line about it:\n%s", s)
	}
	f.press("esc")
	f.waitFor("State: draft")
	f.quit()
}
