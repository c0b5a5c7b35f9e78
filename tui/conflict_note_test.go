package tui_test

import (
	"strings"
	"testing"
)

// On a call the analyst adds a note to a question while a colleague
// records the vendor's answer to it. The note is all the analyst
// changed: "yours" is their note on the colleague's answer, so O keeps
// both rather than blanking the answer the analyst never touched.
func TestOverwritingANoteKeepsTheirAnswer(t *testing.T) {
	e := newEnv(t)
	a, other := e.acmeAnsweredElsewhere()
	f := e.start()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 2 of 33")
	f.press("n")
	f.typeText("bridge letter due Friday")
	other.answer(a.ID, "attestation", "partial", "Type I only")
	f.press("enter")
	f.waitFor("Sam Ortiz changed this answer at", `Theirs: Partly (note "Type I only")`, `Yours:  Partly (note "bridge letter due Friday")`, "O overwrite")
	f.press("O")
	f.waitGone("Sam Ortiz changed this answer")
	f.waitFor("saved ✓")
	f.quit()
	got := e.load(a.ID).Answers["attestation"]
	if strings.Join(got.Value.Choices, ",") != "partial" || got.Note != "bridge letter due Friday" {
		t.Errorf("attestation after overwriting with a note: %s; want Sam's partial with the analyst's note", got.Describe())
	}
}
