package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// From the Review view, t shows the trail without going back to the
// portfolio, and esc comes back to the Review where it was.
func TestTrailFromReview(t *testing.T) {
	e := trailEnv(t)
	f := e.startSized(e.deps(), 80, 20)
	f.waitFor("Acme Cloud Ltd")
	f.press("r")
	f.waitFor("State: draft")
	f.press("t")
	f.waitFor("Acme Cloud Ltd · #1 audit trail", "Audit trail verified (as assay verify checks it): 3 records.")
	f.press("esc")
	f.waitFor("State: draft")
}

// In the interview, t shows the trail of the question on screen only;
// esc shows the whole trail, and esc again the question where it was.
func TestTrailOfQuestionFromInterview(t *testing.T) {
	e := trailEnv(t)
	a := e.load(1)
	first, question := "data-sensitivity", "What is the most sensitive data"
	ans := assess.Answer{QuestionID: first, Value: assess.Value{Choices: []string{"business-contacts"}}}
	if err := e.db.SaveAnswer(assess.WithActor(context.Background(), "Kim Park"), a.ID, ans); err != nil {
		t.Fatal(err)
	}
	f := e.startSized(e.deps(), 80, 40)
	f.waitFor("Acme Cloud Ltd")
	f.press("enter") // it opens on question 2, the first unanswered
	f.waitFor("question 2 of 33")
	f.press("left")
	f.waitFor(question)
	f.press("t")
	f.waitFor("#1 audit trail", "Kim Park", "only the records about "+first)
	f.waitGone("Sam Lee")
	f.press("esc")
	f.waitFor("Sam Lee", "Kim Park")
	f.press("esc")
	f.waitFor(question)
}

// / filters the trail by question ID, person or text as it is typed;
// enter keeps the filter, esc clears it, and esc again goes back.
func TestTrailFilter(t *testing.T) {
	e := trailEnv(t)
	f := e.startSized(e.deps(), 100, 30)
	f.waitFor("Acme Cloud Ltd")
	f.press("h")
	f.waitFor("Dana Reyes", "Sam Lee")
	f.press("/")
	f.typeText("sam")
	f.waitFor("1 of 3 records match")
	f.waitGone("assessment created")
	f.press("enter")
	f.press("G") // the list keys act again
	f.waitFor("Sam Lee", "1 of 3 records match")
	f.press("esc")
	f.waitFor("assessment created", "Sam Lee")
	f.waitGone("records match")
	f.press("/")
	f.typeText("staff from")
	f.waitFor("1 of 3 records match", "Staff from June.")
	f.press("esc")
	f.waitFor("assessment created")
	f.press("/")
	f.typeText("zzz")
	f.waitFor("No record matches the filter; esc clears it.")
	f.press("esc", "esc")
	f.waitFor("sorted by")
}

// ? on the Review and in the interview lists t, the audit trail.
func TestTrailKeyInHelp(t *testing.T) {
	e := trailEnv(t)
	f := e.startSized(e.deps(), 120, 40)
	f.waitFor("Acme Cloud Ltd")
	f.press("r")
	f.waitFor("State: draft")
	f.press("?")
	f.waitFor("Keys on this screen", "audit trail")
	f.press("esc")
	f.press("tab", "tab", "tab") // plan, report, interview
	f.press("?")
	f.waitFor("Keys on this screen", "audit trail of this question")
}
