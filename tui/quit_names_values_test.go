package tui_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	tea "charm.land/bubbletea/v2"
)

// Quitting with changes not saved listed the question or plan item each
// was to ("the answer to attestation"), not what was given: an analyst
// leaving after a call with the server away could not tell what to give
// again. Each line now names the value, cleaned of escape sequences (a
// note pasted from a vendor's mail may hold them) and cut to fit a line.
func TestQuittingNamesTheValuesNotSaved(t *testing.T) {
	_, _, repo, f := faultyInterview(t, 0)
	repo.failWith.Store(unreached())
	repo.mode.Store(writeFailsWith)
	f.press("4")
	f.waitFor("question 3 of 33", "not saved: the answer to attestation: cannot reach")
	f.press("left")
	f.waitFor("question 2 of 33")
	f.press("n")
	f.tm.Send(tea.PasteMsg{Content: "report lapsed\x1b[2J in May; " + strings.Repeat("the bridge letter says more ", 10)})
	f.press("enter")
	f.waitFor("Note: report lapsed in May")
	f.press("tab", "tab")
	f.waitFor("attestation", "high     open")
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: cannot reach", "high     in progress")
	f.quit()
	got := unsaved(t, f)
	if len(got) != 2 {
		t.Fatalf("said on the way out: %q, want the answer and the plan change", got)
	}
	answer, change := got[0], got[1]
	if want := `#1 Acme Cloud Ltd: the answer to attestation, given as No (note "report lapsed`; !strings.HasPrefix(answer, want) {
		t.Errorf("the answer not saved is said as %q, want it to start %q", answer, want)
	}
	if strings.ContainsRune(answer, '\x1b') || !strings.Contains(answer, "…") || !strings.HasSuffix(answer, ": "+unreached().Error()) {
		t.Errorf("the answer's value is not cleaned and cut to fit: %q", answer)
	}
	if n := utf8.RuneCountInString(strings.TrimSuffix(answer, unreached().Error())); n > 160 {
		t.Errorf("the answer not saved is said in %d characters, more than a line or two: %q", n, answer)
	}
	if want := "#1 Acme Cloud Ltd: a change to plan item attestation, setting its status to in progress: " + unreached().Error(); change != want {
		t.Errorf("the plan change not saved is said as %q, want %q", change, want)
	}
}
