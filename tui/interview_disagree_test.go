package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The answer that makes two answers disagree is said so on the status
// line as it is given, naming the other answer and the check's words;
// an answer that agrees says nothing of it.
func TestInterviewSaysWhenAnAnswerDisagrees(t *testing.T) {
	e := newEnv(t)
	e.createFrom("disagree.yaml", "Loan model")
	f := e.start()
	f.waitFor("sorted by")
	f.press("enter")
	f.waitFor("Were outcomes compared across groups?")
	f.press("1") // yes, and on to the combinations
	f.waitFor("Were combinations of groups compared?")
	f.press("2") // not measured: disagrees with the yes
	f.waitFor("This answer disagrees with bias-testing (yes): Bias testing", "Has anyone outside the team read")

	f.press("left") // back to the combinations
	f.waitFor("Were combinations of groups compared?")
	f.press("1") // measured: they agree
	f.waitFor("Has anyone outside the team read")
	if strings.Contains(f.screen(), "disagrees") {
		t.Errorf("an answer that agrees is said to disagree:\n%s", f.screen())
	}
}

// Accessible mode says it too, after "Saved.", as a sentence of its own.
func TestAccessibleSaysWhenAnAnswerDisagrees(t *testing.T) {
	e := newEnv(t)
	e.createFrom("disagree.yaml", "Loan model")
	text := e.accessible("1\n1\n2\nq\n")
	want := "Saved.\nThis answer disagrees with bias-testing (yes): Bias testing compared groups, yet no group was compared.\n"
	if !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if n := strings.Count(text, "disagrees"); n != 1 {
		t.Errorf("said %d times that an answer disagrees, want once:\n%s", n, text)
	}
}

// The sign-off form names the checks that hold before anyone signs.
func TestSignOffNamesAnswersThatDisagree(t *testing.T) {
	e := newEnv(t)
	f := signDisagreeing(e)
	f.waitFor("Answers that disagree: 1 (groups-tested-yet-none-", "compared); the report lists them before its appendix.", "Not explained:")
	f.press("esc")
	f.quit()
}

// The sign-off refuses a submission while the answers disagree and
// nobody has explained why, saying the check, the answers and D; D on
// one of the questions, in the footer there, takes the explanation
// (escape sequences typed in never reach the screen), the trail records
// it under the workspace's actor, and the submission then goes through.
func TestExplainingAnswersThatDisagreeInTheWorkspace(t *testing.T) {
	e := newEnv(t)
	f := signDisagreeing(e)
	f.waitFor("Decision")
	f.press("enter") // submit, the first decision offered
	f.waitFor("Comment")
	f.press("enter")
	f.waitFor("Not signed: cannot submit assessment 1: a consistency check finds answers that",
		"nobody has explained why: groups-tested-yet-none-compared: Bias", `(answers: bias-testing "yes",`,
		"D on the review's Scores, or in the interview on one of those", "questions, explains it")
	f.press("esc")
	f.waitFor("[Review]")
	f.press("shift+tab")
	f.waitFor("Has anyone outside the team read") // the interview, where it was left
	f.press("left")
	f.waitFor("Were combinations of groups compared?", "explained: D explains why both stand", "D explain answers that disagree")
	f.press("D")
	f.waitFor("Why both stand:")
	f.typeText("Only single groups\x1b[31m were in the data")
	f.press("enter")
	f.waitFor("Explained groups-tested-yet-none-compared", "Explained by Dana Reyes on")
	if strings.Contains(f.screen(), "\x1b[31m") || !strings.Contains(f.screen(), "Only single") {
		t.Errorf("the explanation as shown:\n%s", f.screen())
	}
	f.quit()

	a, err := e.db.Assessment(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Explanations) != 1 || a.Explanations[0].By != "Dana Reyes" || strings.ContainsRune(a.Explanations[0].Text, 0x1b) ||
		a.Explanations[0].Check != "groups-tested-yet-none-compared" {
		t.Fatalf("explanations stored: %+v", a.Explanations)
	}
	if _, err := e.db.Review(assess.WithActor(context.Background(), "Dana Reyes"), 1, assess.ActSubmit, testToday, ""); err != nil {
		t.Errorf("submitting once explained: %v", err)
	}
}

// signDisagreeing creates the loan model from disagree.yaml, answers its
// two questions so that its check holds, and opens the sign-off form from
// the Review.
func signDisagreeing(e *env) *flow {
	e.createFrom("disagree.yaml", "Loan model")
	f := e.start()
	f.waitFor("sorted by")
	f.press("enter")
	f.waitFor("Were outcomes compared across groups?")
	f.press("1")
	f.waitFor("Were combinations of groups compared?")
	f.press("2")
	f.waitFor("This answer disagrees with bias-testing")
	f.press("tab")
	f.waitFor("[Review]")
	f.press("S")
	return f
}
