package tui

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/ptytest"
)

// The midnight notice, said while the person was typing at a prompt,
// came in the middle of their line: "AcmIt is now …", and what they
// typed next went on after it, with nothing saying what it was for. On
// a terminal whose echo accessible mode does itself, the notice now
// comes on a line of its own, and the prompt and what was typed at it
// are shown again under it; the line typed on from there is the answer.
// Run on a pseudo-terminal with its echo and line editing off, as
// cmd/assay leaves it, so that what the terminal shows is checked.
func TestAccessibleMidnightNoticeMidLineShowsThePromptAndTheLineAgain(t *testing.T) {
	master, slave := openEchoOffPTY(t)
	r := runAccessibleOnPTY(t, master, slave, Deps{BracketedPaste: true, EchoTyped: true})
	r.typeText("Acm")
	r.shown.WaitFor(t, accessiblePrompt+"\r\nAcm")
	notice := r.midnight() // with "Acm" typed and no Enter
	want := accessiblePrompt + "\r\nAcm\r\n" + notice + "\r\n" + accessiblePrompt + "\r\nAcm"
	r.shown.WaitFor(t, want)
	// Typed on, the line is what was typed before and after the notice.
	r.typeText("e\r")
	r.shown.WaitFor(t, want+"e\r\n")
	r.quit()
	text := r.shown.String()
	if strings.Contains(text, "Acm"+notice) || strings.Contains(text, "AcmIt is now") {
		t.Errorf("the notice came in the middle of the typed line:\n%q", text)
	}
	if !strings.Contains(text, "There is no assessment Acme in the list.") || strings.Count(text, "It is now") != 1 {
		t.Errorf("the line typed on was not answered as Acme, or the day was said other than once:\n%q", text)
	}
}

// With TERM=dumb accessible mode leaves the terminal as it is, its echo
// and line editing on (cmd/assay: no pastes marked, Deps.EchoTyped
// false): what was typed is the terminal's, shown by it and kept for the
// line. The notice arriving mid-line ran on from it ("AcmIt is now …");
// it is said on a line of its own, the prompt after it, and the line
// typed on is the whole of it.
func TestAccessibleMidnightNoticeMidLineOnADumbTerminalStartsALine(t *testing.T) {
	master, slave := ptytest.Open(t) // as the terminal is: its echo on
	r := runAccessibleOnPTY(t, master, slave, Deps{})
	r.typeText("Acm")
	r.shown.WaitFor(t, accessiblePrompt+"\r\nAcm")
	notice := r.midnight()
	r.shown.WaitFor(t, "Acm\r\n"+notice+"\r\n"+accessiblePrompt+"\r\n")
	r.typeText("e\r")
	r.shown.WaitFor(t, "There is no assessment Acme in the list.")
	r.quit()
	if text := r.shown.String(); strings.Contains(text, "AcmIt is now") || strings.Count(text, "It is now") != 1 {
		t.Errorf("the notice ran on from the typed line, or was said other than once:\n%q", text)
	}
}
