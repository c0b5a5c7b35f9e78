package tui_test

import (
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// A note is held to the 20,000 bytes the store takes, typed as pasted:
// the field counted characters, so accented or CJK text typed up to
// 20,000 characters passed it and was refused only at saving. Here the
// note holds 19,999 bytes (a paste that fits) and "é" is two more: the
// field refuses the key and enter saves the note as it was.
func TestTypingPastTheByteLimitIsRefusedInTheField(t *testing.T) {
	e := newEnv(t)
	f, a := e.interviewOn("all-types.yaml", "Payroll system")
	f.press("n")
	held := strings.Repeat("a", 19999)
	f.tm.Send(tea.PasteMsg{Content: held})
	f.waitFor("Note: > aaaa")
	f.typeText("é")
	f.waitFor("Not typed", "limit of 20000 bytes")
	f.press("enter")
	f.waitFor("Note: aaaa")
	f.quit()
	got := e.load(a.ID)
	saved := false
	for _, ans := range got.Answers {
		if ans.Note != "" {
			saved = true
			if ans.Note != held {
				t.Errorf("the note saved is %d bytes, ending %q; want the %d bytes pasted", len(ans.Note), ans.Note[max(len(ans.Note)-20, 0):], len(held))
			}
		}
	}
	if !saved {
		t.Error("no note was saved")
	}
}
