package tui_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A further risk rated without a name in its note says so in the
// interview, where the note is written, and the sign-off form shows the
// store's refusal whole when it is submitted so; named, the warning goes.
func TestTheInterviewAsksToNameARatedFurtherRisk(t *testing.T) {
	e := newEnv(t)
	a := e.create("dpia", "Loyalty programme")
	rated := assess.Value{Risk: &assess.RiskRating{Likelihood: 3, Impact: 3}}
	e.answerFrom(a, "verdicts/dpia-no-legal-basis.yaml", assess.Answer{QuestionID: "risk-other-1", Value: rated})
	// 40 lines: the exposure level's knock-out (two EDPB criteria) comes
	// first on the scores and takes a few.
	f := e.startSized(e.deps(), 80, 40)
	f.waitFor("Loyalty programme")
	f.press("enter")
	f.waitFor("Another risk to the people concerned") // the first left blank
	f.press("left")
	f.waitFor("A further risk to the people concerned", "Rated but not named: n names it")
	f.press("tab")
	f.waitFor("[Scores]", "State: draft")
	f.press("S")
	f.waitFor("Submit for review")
	f.press("enter")
	f.waitFor("┃ Comment")
	f.press("enter")
	f.waitFor("risk-other-1 is rated but not named")
	f.press("esc")
	f.waitGone("risk-other-1 is rated but not named")
	f.press("esc")
	f.waitFor("1 of 1")
	f.press("enter")
	f.waitFor("Another risk to the people concerned")
	f.press("left")
	f.waitFor("Rated but not named: n names it")
	f.press("n")
	f.typeText("Loss of control over their data")
	f.press("enter")
	f.waitFor("Note: Loss of control over their data")
	f.waitGone("Rated but not named")
	f.quit()
	if got := e.load(a.ID).UnnamedRisks(); len(got) != 0 {
		t.Errorf("named in the interview, still unnamed: %v", got)
	}
}

// Accessible mode asks for the name once a further risk is rated without
// one, and keeps it as the note; Enter leaves it unnamed for now.
func TestAccessibleAsksForAFurtherRisksName(t *testing.T) {
	for _, c := range []struct{ typed, note string }{
		{"3 3\nLoss of control over their data\nq\n", "Loss of control over their data"},
		{"3 3\n\nq\n", ""},
	} {
		e := newEnv(t)
		a := e.create("dpia", "Loyalty programme")
		e.answerFrom(a, "verdicts/dpia-no-legal-basis.yaml")
		out := runAccessible(t, e, "1\n"+c.typed)
		if !strings.Contains(out, "A further risk to the people concerned") || !strings.Contains(out, "Name this risk: the name goes in its note") {
			t.Errorf("accessible mode did not ask for the risk's name:\n%s", out)
		}
		got := e.load(a.ID).Answers["risk-other-1"]
		if !got.Value.Risk.InitialRated() || got.Note != c.note {
			t.Errorf("typed %q: stored %+v with note %q, want rated with note %q", c.typed, got.Value.Risk, got.Note, c.note)
		}
	}
}
