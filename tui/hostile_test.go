package tui_test

import (
	"bytes"
	"context"
	"io"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/assay-dev/assay/assess"
)

// Subject names, notes and evidence from vendors never reach the terminal
// with their escape sequences: no clipboard writes (OSC 52), no links
// (OSC 8), no colours or cursor moves of their own.
func TestHostileTextNeverReachesTheTerminal(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Evil\x1b]52;c;cGF3bmVk\x07 Corp\x1b[2J")
	q := a.Questionnaire.Questions[0]
	ans := assess.Answer{QuestionID: q.ID, Value: assess.Value{Choices: []string{"yes"}},
		Note:     "see \x1b]8;;https://evil.example\x1b\\here\x1b]8;;\x1b\\ \u009b31mred",
		Evidence: []string{"\x1b[1;1Hoverwrite"}}
	if err := e.db.SaveAnswer(context.Background(), a.ID, ans); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Evil Corp")
	f.press("enter")
	f.waitFor("question 2 of 13")
	f.press("left")
	f.waitFor("Note: see here red", "Evidence: overwrite")
	f.quit()
	out, err := io.ReadAll(f.tm.FinalOutput(t, teatest.WithFinalTimeout(5*time.Second)))
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"]52;", "]8;;https://evil", "cGF3bmVk", "\u009b", "[1;1Hoverwrite"} {
		if bytes.Contains(out, []byte(bad)) {
			t.Errorf("terminal output contains %q", bad)
		}
	}
}
