package tui_test

import (
	"strings"
	"testing"
)

// On a live call, a typed question (number, date, text) never costs a key
// more than a choice question: → passes an unanswered number or an empty
// text field at once; n and e still open the note and the evidence on a
// number; a number starts with its first digit; → at the end of what
// was typed saves it and moves on. The field says which mode it is in.
func TestTypedQuestionsCostNoExtraKey(t *testing.T) {
	e := newEnv(t)
	f, a := e.interviewOn("all-types.yaml", "Payroll system")
	f.waitFor("question 1 of 8", "multi-factor")
	f.press("]", "right")
	f.waitFor("How many people's records", "No answer yet.", "keys: type a whole number of 0 or more")

	// Letters are the interview's keys, not the answer's.
	f.press("n")
	f.waitFor("Note: >")
	f.press("esc")
	f.waitFor("keys: type a whole number of 0 or more")
	f.press("e")
	f.waitFor("Evidence: >")
	f.press("esc")
	f.waitFor("keys: type a whole number of 0 or more")
	f.press("right")
	f.waitFor("When was the last penetration test?")
	f.press("left")
	f.waitFor("How many people's records")

	// A digit starts the answer; → at its end saves it and moves on.
	f.press("1", "2")
	f.waitFor("> 12", "✎ typing")
	f.press("right")
	f.waitFor("When was the last penetration test?", "1/8")

	// Free text has its field ready; → on an empty field moves on, ← at
	// its start moves back, and letters typed there are the answer.
	f.press("right")
	f.waitFor("What is the service for?", "✎ typing")
	f.press("right")
	f.waitFor("The data leaks through an attack")
	f.press("left")
	f.waitFor("What is the service for?", "✎ typing")
	f.typeText("Payroll, and nothing else")
	f.waitFor("> Payroll, and nothing else")
	f.press("left") // inside the text: the cursor moves, the question stays
	f.press("enter")
	f.waitFor("The data leaks through an attack", "2/8", "saved ✓")

	// Back on it, the answer is shown and the keys act again.
	f.press("left")
	f.waitFor("Answer: Payroll, and nothing else", "keys: enter types an answer")
	f.quit()

	e.reopen()
	got := e.load(a.ID).Answers
	if n := got["records"].Value.Number; n == nil || n.String() != "12" {
		t.Errorf("records stored as %v, want 12", n)
	}
	if s := got["purpose"].Value.Text; s != "Payroll, and nothing else" {
		t.Errorf("purpose stored as %q", s)
	}
	if ans := got["records"]; ans.Note != "" || len(ans.Evidence) != 0 {
		t.Errorf("records got a note or evidence from keys meant for the interview: %+v", ans)
	}
}

// 0 picks the tenth option; the last question's pick shows at once,
// although there is no next question to move to.
func TestTenthOptionAndTheLastQuestionsPick(t *testing.T) {
	e := newEnv(t)
	f, a := e.interviewOn("ten-options.yaml", "Data store")
	f.waitFor("question 1 of 2", "0. ( ) Region ten")
	f.press("0")
	f.waitFor("question 2 of 2", "multi-factor")
	f.press("2")
	f.waitFor("(•) Partly", "That was the last question", "2/2", "saved ✓")
	f.quit()

	e.reopen()
	got := e.load(a.ID).Answers
	if c := got["region"].Value.Choices; len(c) != 1 || c[0] != "r10" {
		t.Errorf("region stored as %v, want r10", c)
	}
	if c := got["mfa"].Value.Choices; len(c) != 1 || c[0] != "partial" {
		t.Errorf("mfa stored as %v, want partial", c)
	}
}

// Rating a risk names every step of the scale being rated, and the
// planned measures link to the plan items that carry them out.
func TestRiskRatingNamesItsScaleAndLinksPlanItems(t *testing.T) {
	e := newEnv(t)
	f, a := e.interviewOn("all-types.yaml", "Payroll system")
	f.waitFor("question 1 of 8", "multi-factor")
	f.press("3") // no: a finding, so a plan item
	f.waitFor("Where is the service hosted?")
	f.press("]", "]")
	f.waitFor("The data leaks through an attack", "Likelihood: 1 rare, 2 possible, 3 likely, 4", "almost-certain")
	f.press("down")
	f.waitFor("Impact: 1 minor, 2 moderate, 3 major, 4 severe")
	f.press("up", "3", "4", "1", "2")
	f.waitFor("As found: critical", "after measures: low", "saved ✓")
	f.press("down")
	f.waitFor("▸ Plan items")
	f.press("enter")
	f.waitFor("Plan items the measures rely on", "[ ] mfa")
	f.press("space")
	f.waitFor("[x] mfa")
	f.press("enter")
	f.waitGone("Plan items the measures rely on")
	f.waitFor("Plan items                mfa", "saved ✓")
	f.quit()

	e.reopen()
	r := e.load(a.ID).Answers["breach"].Value.Risk
	if r == nil || strings.Join(r.PlanItems, ",") != "mfa" || r.Likelihood != 3 || r.AfterImpact != 2 {
		t.Errorf("breach stored as %+v, want its rating with plan item mfa", r)
	}
}
