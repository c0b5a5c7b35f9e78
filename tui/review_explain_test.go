package tui_test

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// refusedOnReview opens the sign-off of the loan model whose answers
// disagree, submits, is refused, and comes back to the Review with esc.
func refusedOnReview(e *env) *flow {
	f := signDisagreeing(e)
	f.waitFor("Decision")
	f.press("enter") // submit
	f.waitFor("Comment")
	f.press("enter")
	f.waitFor("Not signed: cannot submit assessment 1")
	f.press("esc")
	f.waitFor("[Review]", "[Scores]")
	return f
}

// A reviewer refused on the Review because answers disagree explains
// them there, with D, as the interview does: the Review names the check
// and offers D in its key line while the check is unexplained; esc
// leaves the field and records nothing; enter on nothing typed is
// refused with the interview's words; an escape sequence typed never
// reaches the screen; enter records it under the workspace's actor, the
// key line no longer offers D, and the submission goes through. Before,
// the reviewer had to leave for the interview and find the question.
func TestReviewExplainsAnswersThatDisagree(t *testing.T) {
	e := newEnv(t)
	f := refusedOnReview(e)
	f.waitFor("groups-tested-yet-none-compared", "D explain answers that disagree")

	f.press("D")
	f.waitFor("Why both stand:", "enter records it · esc cancels")
	f.typeText("half typed")
	f.waitFor("> half typed")
	f.press("esc")
	f.waitGone("Why both stand:")
	if a := e.load(1); len(a.Explanations) != 0 {
		t.Fatalf("esc recorded %+v", a.Explanations)
	}

	f.press("D")
	f.waitFor("Why both stand:")
	if strings.Contains(f.screen(), "half typed") {
		t.Errorf("the field opened again with what esc left:\n%s", f.screen())
	}
	f.press("enter")
	f.waitFor("Say why both answers stand, or esc to leave it")
	f.press("q", "?") // typed, not acted on
	f.waitFor("> q?")
	f.press("backspace", "backspace")
	f.tm.Send(tea.PasteMsg{Content: "\x1b]0;pwned\x07"}) // a pasted title-setting sequence
	f.typeText("Only single groups\x1b[31m were in the data")
	f.waitFor("> Only single groups")
	if strings.Contains(f.screen(), "\x1b[31m") || strings.Contains(f.screen(), "\x1b]0") {
		t.Errorf("the escape sequence typed reaches the screen:\n%q", f.screen())
	}
	f.press("enter")
	f.waitFor("Explained groups-tested-yet-none-compared")
	f.waitGone("D explain answers that disagree")
	f.quit()

	a := e.load(1)
	if len(a.Explanations) != 1 || a.Explanations[0].By != "Dana Reyes" || strings.ContainsRune(a.Explanations[0].Text, 0x1b) ||
		a.Explanations[0].Check != "groups-tested-yet-none-compared" || !strings.HasPrefix(a.Explanations[0].Text, "Only single groups") {
		t.Fatalf("explanations stored: %+v", a.Explanations)
	}
	if _, err := e.db.Review(assess.WithActor(context.Background(), "Dana Reyes"), 1, assess.ActSubmit, testToday, ""); err != nil {
		t.Errorf("submitting once explained: %v", err)
	}
}

// ctrl+c while an explanation is typed on the Review quits, records
// nothing, and says what was typed and for which check, as it says of a
// note being typed in the interview.
func TestCtrlCWhileExplainingOnTheReview(t *testing.T) {
	e := newEnv(t)
	f := refusedOnReview(e)
	f.press("D")
	f.waitFor("Why both stand:")
	f.typeText("combinations next quarter")
	f.waitFor("> combinations next quarter")
	f.press("ctrl+c")
	lost := unsaved(t, f)
	if len(lost) != 1 || !strings.Contains(lost[0], `explanation of groups-tested-yet-none-compared being typed`) ||
		!strings.Contains(lost[0], `"combinations next quarter"`) {
		t.Errorf("after ctrl+c while explaining, the workspace says %q", lost)
	}
	e.reopen()
	if a := e.load(1); len(a.Explanations) != 0 {
		t.Errorf("ctrl+c recorded %+v", a.Explanations)
	}
}

// A Review with no answers that disagree neither offers D nor acts on it.
func TestReviewOffersNoExplainingWithoutDisagreement(t *testing.T) {
	e := newEnv(t)
	e.createFrom("disagree.yaml", "Loan model")
	f := e.start()
	f.waitFor("sorted by")
	f.press("r")
	f.waitFor("[Review]", "[Scores]")
	if strings.Contains(f.screen(), "D explain") {
		t.Errorf("D offered with nothing to explain:\n%s", f.screen())
	}
	f.press("D")
	f.waitFor("nothing to explain")
	if strings.Contains(f.screen(), "Why both stand") {
		t.Errorf("the field opened with nothing to explain:\n%s", f.screen())
	}
	f.quit()
}
