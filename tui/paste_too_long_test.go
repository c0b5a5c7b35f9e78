package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A paste that would make a note (or an answer, or evidence) longer than
// the 20,000 bytes one may hold is refused whole, saying so: the field
// kept its first 20,000 characters and dropped the rest without a word,
// so enter saved a note cut in the middle of a word.
func TestAPasteTooLongForTheFieldIsRefusedNotCut(t *testing.T) {
	e := newEnv(t)
	f, a := e.interviewOn("all-types.yaml", "Payroll system")
	f.press("n")
	f.typeText("kept")
	f.waitFor("Note: > kept")
	f.tm.Send(tea.PasteMsg{Content: " " + strings.Repeat("word ", 20000)})
	f.waitFor("Not pasted", "limit of 20000 bytes")
	f.waitFor("Note: > kept ")
	f.press("enter")
	f.waitFor("Note: kept")
	f.quit()
	got := e.load(a.ID)
	for _, ans := range got.Answers {
		if ans.Note != "" && ans.Note != "kept" {
			t.Errorf("the note saved is %d bytes, ending %q; want %q", len(ans.Note), ans.Note[max(len(ans.Note)-20, 0):], "kept")
		}
	}
}

// A paste that fits is taken as it is, its line breaks made spaces.
func TestAPasteThatFitsIsTaken(t *testing.T) {
	e := newEnv(t)
	f, _ := e.interviewOn("all-types.yaml", "Payroll system")
	f.press("n")
	f.tm.Send(tea.PasteMsg{Content: "checked\nin the IdP"})
	f.waitFor("Note: > checked in the IdP")
	f.press("enter")
	f.waitFor("Note: checked in the IdP")
	f.quit()
}
