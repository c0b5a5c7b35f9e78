package tui_test

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/assay-dev/assay/tui"
)

// pasted is text as a terminal sends a paste once told to mark pastes
// (bracketed paste), between ESC[200~ and ESC[201~; its line breaks
// are newlines, as a terminal in line mode turns the carriage returns
// of a paste into.
func pasted(text string) string {
	return "\x1b[200~" + text + "\x1b[201~"
}

// accessibleOnTerminal runs accessible mode as on a terminal that marks
// pastes.
func (e *env) accessibleOnTerminal(in string) string {
	e.t.Helper()
	d := e.deps()
	d.BracketedPaste = true
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), d, strings.NewReader(in), &out); err != nil {
		e.t.Fatal(err)
	}
	return out.String()
}

// A paragraph pasted at a text question is that question's answer, its
// line breaks kept as the workspace keeps them: it was read a line an
// answer, and its second line became the answer to the next question.
func TestAccessiblePasteIsOneTextAnswer(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	// Skipped to the text question (purpose), the paste, Enter; the
	// risk question after it is then left with q.
	// At the risk question, references pasted after "evidence:", a
	// line each, and a note pasted after "note:".
	text := e.accessibleOnTerminal("1\ns\ns\ns\ns\ns\ns\n" + pasted("Pays staff.\nAlso runs expenses.") + "\n" +
		"evidence: " + pasted("DPA-1\nSOC 2 report\n") + "\nnote: " + pasted("Seen.\nTwice.") + "\nq\n")
	if got := e.load(1).Answers["breach"]; strings.Join(got.Evidence, "|") != "DPA-1|SOC 2 report" || got.Note != "Seen.\nTwice." {
		t.Errorf("breach's evidence %q and note %q, want DPA-1, SOC 2 report and two lines\n%s", got.Evidence, got.Note, text)
	}
	answers := e.load(1).Answers
	if got, want := answers["purpose"].Value.Text, "Pays staff.\nAlso runs expenses."; got != want {
		t.Errorf("purpose stored as %q, want %q\n%s", got, want, text)
	}
	if got := answers["breach"].Value; got.Risk != nil {
		t.Errorf("the risk question was answered by the paste: %+v\n%s", got, text)
	}
}

// At a prompt that takes one line, a paste of several lines is refused
// and the prompt asked again: nothing of it answers the next prompt.
func TestAccessiblePasteOfSeveralLinesAtANumberIsRefused(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	// The records question (a number) is the fifth: the paste there,
	// then s skips it and the date after it, and the text question is
	// answered.
	text := e.accessibleOnTerminal("1\ns\ns\ns\ns\n" + pasted("1200\nstaff and contractors") + "\ns\ns\nmine\nq\n")
	if want := "That paste is 2 lines; this question takes one line. Nothing of it was used.\n"; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	answers := e.load(1).Answers
	if got, ok := answers["records"]; ok {
		t.Errorf("records answered by the paste: %+v\n%s", got, text)
	}
	if got := answers["purpose"].Value.Text; got != "mine" {
		t.Errorf("purpose stored as %q, want %q (typed after the refusal)\n%s", got, "mine", text)
	}
	// At the list, too: the paste is not read as 1 then q.
	text = e.accessibleOnTerminal(pasted("1\nq") + "\nq\n")
	if !strings.Contains(text, "That paste is 2 lines; this prompt takes one line.") || strings.Contains(text, "Is multi-factor authentication enforced?") {
		t.Errorf("a paste at the list was not refused:\n%s", text)
	}
}

// Pasted text is untrusted: a paste holding its own end marker, or one
// never closed, does not answer later prompts with what follows it, and
// escape sequences in a paste are removed as in anything typed.
func TestAccessiblePasteIsCheckedAsTyped(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	toText := "1\ns\ns\ns\ns\ns\ns\n"
	// Text holding an end marker: up to it, the paste; after it, read
	// as typed up to Enter, which a stream cannot tell from typing. The
	// rest, up to the terminal's own end marker, ends a paste that was
	// not started, and is refused: it does not answer the risk
	// question.
	text := e.accessibleOnTerminal(toText + "\x1b[200~Pays staff.\x1b[201~\n2 3\x1b[201~\nq\n")
	if want := "That input ends a paste it did not start (pasted text that held a paste's end marker). Nothing of it was used.\n"; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if got, ok := e.load(1).Answers["breach"]; ok {
		t.Errorf("the risk question was answered by the rest of a paste: %+v\n%s", got, text)
	}
	e = newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	// Never closed: nothing of it is used.
	text = e.accessibleOnTerminal(toText + "\x1b[200~Pays staff.\nq\ns\n")
	if want := "The input ended in the middle of a paste, before its end: nothing of it was used."; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if got := e.load(1).Answers["purpose"].Value.Text; got != "" {
		t.Errorf("purpose stored as %q from a paste never closed\n%s", got, text)
	}
	// Escape sequences and bidi controls in a paste are removed.
	e.accessibleOnTerminal(toText + pasted("Pays \x1b[31mstaff\u202e.\r\nAnd more.") + "\nq\n")
	if got, want := e.load(1).Answers["purpose"].Value.Text, "Pays staff.\nAnd more."; got != want {
		t.Errorf("purpose stored as %q, want %q", got, want)
	}
}

// Piped input (scripts, tests) is read a line an input, markers or not:
// a script's lines are its answers.
func TestAccessiblePipedInputIsReadALineAnInput(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	e.accessible("1\ns\ns\ns\ns\ns\ns\nPays staff.\nq\n")
	if got := e.load(1).Answers["purpose"].Value.Text; got != "Pays staff." {
		t.Errorf("purpose stored as %q", got)
	}
}

// terminalInput is a terminal in line mode as accessible mode reads it:
// each write (what the person typed, or a paste, which arrives whole) is
// read a line at a time; waiting is what has arrived and is not read.
type terminalInput struct {
	writes  []string
	arrived string
}

func (t *terminalInput) Read(p []byte) (int, error) {
	if t.arrived == "" {
		if len(t.writes) == 0 {
			return 0, io.EOF
		}
		t.arrived, t.writes = t.writes[0], t.writes[1:]
	}
	line := t.arrived
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = line[:i+1]
	}
	n := copy(p, line)
	t.arrived = t.arrived[n:]
	return n, nil
}

// discardWaiting is Deps.DiscardWaiting on this terminal.
func (t *terminalInput) discardWaiting() bool {
	waiting := t.arrived != ""
	t.arrived = ""
	return waiting
}

// A paste holding its own end marker followed by a line break ends,
// as a stream reads it, at that marker; the lines after it arrived with
// it, before anyone pressed Enter. Read as typed, q quit assay and the
// rest went to the shell. What arrived with the paste is refused and
// thrown away, the paste with it.
func TestAccessiblePasteWithItsOwnEndMarkerAnswersNothing(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	in := &terminalInput{writes: []string{
		"1\n", "s\n", "s\n", "s\n", "s\n", "s\n", "s\n", // to the text question
		"\x1b[200~Pays staff.\x1b[201~\nq\nrm -rf ~\x1b[201~", // the paste, whole
		"\n", "mine\n", "q\n", // Enter after it, an answer, q
	}}
	d := e.deps()
	d.BracketedPaste, d.DiscardWaiting = true, in.discardWaiting
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), d, in, &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if want := "More arrived with that paste than an answer (pasted text that held a paste's end marker): nothing of it was used.\n"; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
	if got := e.load(1).Answers["purpose"].Value.Text; got != "mine" {
		t.Errorf("purpose stored as %q, want %q (typed after the paste)\n%s", got, "mine", text)
	}
}
