package tui_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	uv "github.com/charmbracelet/ultraviolet"

	"github.com/assay-dev/assay/tui"
)

// Alt+[ and a digit arriving in one read (a paste, tmux send-keys, a
// terminal that sends what was typed together) are ESC [ 2: the start of
// a key's escape sequence that never ends. Bubble Tea v2 waits its
// escape timeout for the rest, then delivers it as an unknown sequence,
// and the digit, which picks an option, was lost: the question stayed
// unanswered. A key's sequence arrives whole, and Bubble Tea has waited:
// assay takes it as Alt+[ (which no screen binds) and the digit typed
// after it, as Bubble Tea does when the two arrive apart.
func TestAltBracketAndADigitInOneReadPickTheOption(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	f := e.start()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 1 of 33")
	f.tm.Send(uv.UnknownEvent("\x1b[2"))
	f.waitFor("question 2 of 33", "1/33")
	// A sequence that is not Alt+[ and digits is nobody's keys: nothing.
	f.tm.Send(uv.UnknownEvent("\x1b[1;"))
	f.press("left")
	f.waitFor("question 1 of 33", "(•) Other personal data")
	f.quit()
	q := e.load(a.ID).Questionnaire.Questions[0]
	if got := e.load(a.ID).Answers[q.ID]; len(got.Value.Choices) != 1 || got.Value.Choices[0] != q.Options[1].Value {
		t.Errorf("%s stored as %s; want its second option, the 2 typed after Alt+[", q.ID, got.Describe())
	}
}

// Accessible mode read ESC [ 1 arriving in one read as a key's sequence
// and skipped the 1 with it: the line was empty, and the person's choice
// of assessment 1 was lost. It is Alt+[, which types nothing, and a 1.
func TestAccessibleAltBracketAndADigitInOneReadKeepTheDigit(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	in := &terminalInput{writes: []string{"\x1b[1", "\n", "q\n"}}
	d := e.deps()
	d.BracketedPaste, d.EchoTyped, d.DiscardWaiting = true, true, in.discardWaiting
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), d, in, &out); err != nil {
		t.Fatal(err)
	}
	if text := out.String(); !strings.Contains(text, "Question 1 of") {
		t.Fatalf("the 1 typed with Alt+[ did not open assessment 1:\n%q", text)
	}
}
