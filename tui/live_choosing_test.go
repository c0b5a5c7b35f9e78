package tui_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Two people answer the same question at the same moment: Dana has moved
// the cursor to the third option and is about to press enter when Sam's
// answer arrives. The cursor must stay where Dana put it (were it moved
// to Sam's answer under her hand, her enter would confirm Sam's answer,
// recording nothing of hers and saying nothing), Sam's answer shows
// beside it, and her enter meets it as a conflict naming Sam and his
// answer, named from question 3, where enter took her; c goes back to
// it, and O then saves hers knowingly.
func TestAChoiceBeingMadeKeepsItsCursorWhenAnotherAnswers(t *testing.T) {
	e, a, f := choosingWhenSamAnswers(t)
	f.waitFor("Sam Ortiz changed this answer at", "while you", "which to keep")
	if s := f.screen(); !strings.Contains(s, "▸ 3.") {
		t.Fatalf("another's answer moved the cursor off the option being chosen:\n%s", s)
	}
	f.press("enter") // answers, and goes on to question 3
	f.waitFor("question 3 of 33", "Sam Ortiz changed the answer to question 2 (attestation) before yours was saved: c goes to it")
	f.press("c")
	f.waitFor("question 2 of 33", "Sam Ortiz changed this answer at", `Theirs: Yes, in place (note "SOC 2 Type II, 2025")`, "O overwrite")
	f.press("O")
	f.waitGone("Sam Ortiz changed this answer")
	f.quit()
	q, _ := e.load(a.ID).Questionnaire.Question("attestation")
	got := e.load(a.ID).Answers["attestation"]
	if got.UpdatedBy != "Dana Reyes" || len(got.Value.Choices) != 1 || got.Value.Choices[0] != q.Options[2].Value {
		t.Errorf("attestation after overwriting: %s by %s, want Dana's %s", got.Describe(), got.UpdatedBy, q.Options[2].Value)
	}
}

// Dana moves the cursor, Sam answers meanwhile, and Dana leaves the
// question without choosing: she gave her choice up, so the question
// holds Sam's answer when she comes back, as the store does, with no
// warning of an edit that is no longer there.
func TestAChoiceGivenUpShowsTheOtherAnswer(t *testing.T) {
	_, _, f := choosingWhenSamAnswers(t)
	f.waitFor("Sam Ortiz changed this answer at", "while you")
	f.press("right")
	f.waitFor("question 3 of 33", "2/33")
	f.press("left")
	f.waitFor("question 2 of 33", "(•) Yes", "Note: SOC 2 Type II, 2025")
	if s := f.screen(); strings.Contains(s, "while you") {
		t.Fatalf("the choice given up is still said to be under way:\n%s", s)
	}
	f.quit()
}

// choosingWhenSamAnswers opens Acme's vendor screen on attestation,
// watching, with Dana's cursor moved to the third option when Sam's
// answer (yes, with a note) arrives from another window.
func choosingWhenSamAnswers(t *testing.T) (*env, *assess.Assessment, *flow) {
	t.Helper()
	e := newEnv(t)
	a, other := e.acmeAnsweredElsewhere()
	f := e.watching()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 2 of 33", "▸ 1.")
	f.press("down", "down")
	f.waitFor("▸ 3.")
	other.answer(a.ID, "attestation", "yes", "SOC 2 Type II, 2025")
	return e, a, f
}
