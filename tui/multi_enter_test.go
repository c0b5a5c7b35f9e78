package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Enter on a multi-choice question with nothing ticked did nothing and
// said nothing on a screen too short for the question's error line,
// below its options. The status line, always in sight, says how to
// answer: space ticks an option, enter then saves the ticks.
func TestEnterWithNothingTickedSaysHowToTick(t *testing.T) {
	e := newEnv(t)
	a := e.create("dpia", "Loyalty app")
	purpose := assess.Answer{QuestionID: "purpose", Value: assess.Value{Text: "Points for purchases"}}
	laws := assess.Answer{QuestionID: "jurisdictions", Value: assess.Value{Choices: []string{"gdpr"}}}
	if err := e.db.SaveAnswers(context.Background(), a.ID, []assess.Answer{purpose, laws}); err != nil {
		t.Fatal(err)
	}
	f := e.startSized(e.deps(), 60, 20)
	f.waitFor("Loyalty app")
	f.press("enter") // resumes at the first unanswered: data-categories
	f.waitFor("Which kinds of personal data")
	f.press("enter")
	f.waitFor("Nothing is ticked: space ticks")
	f.press("space")
	f.waitFor("[x] Identity")
	f.waitGone("Nothing is ticked")
	f.press("enter")
	f.waitFor("question 4 of")
	f.quit()
	if got := e.load(a.ID).Answers["data-categories"].Value.Choices; len(got) != 1 || got[0] != "identity" {
		t.Errorf("data-categories holds %q, want the one option ticked", got)
	}
}
