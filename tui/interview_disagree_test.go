package tui_test

import (
	"strings"
	"testing"
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
	f.waitFor("Answers that disagree: 1 (groups-tested-yet-none-", "compared); the report lists them before its appendix.")
	f.press("esc")
	f.quit()
}
