package tui_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/tui"
)

// accessibleEchoing runs accessible mode as on a terminal that marks
// pastes with its own echo turned off (Deps.EchoTyped): accessible mode
// echoes what is typed and pasted itself.
func (e *env) accessibleEchoing(in string) string {
	e.t.Helper()
	d := e.deps()
	d.BracketedPaste, d.EchoTyped = true, true
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), d, strings.NewReader(in), &out); err != nil {
		e.t.Fatal(err)
	}
	return out.String()
}

// The terminal's echo showed a paste's markers, ^[[200~ before it and
// ^[[201~ after it, and a screen reader read them out. With the
// terminal's echo off, accessible mode echoes what arrives itself: typed
// keys as they come, a paste whole at its end, cleaned of escape
// sequences and bidi controls, never its markers; and the paste is still
// one input, and nothing pasted answers a later prompt.
func TestAccessibleEchoesAPasteWithoutItsMarkers(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	// To the text question (purpose), as in TestAccessiblePasteIsOneTextAnswer.
	toText := "1\ns\ns\ns\ns\ns\ns\n"
	text := e.accessibleEchoing(toText + pasted("Pays \x1b[31mstaff\u202e.\r\nAnd more.") + "\nq\n")
	if strings.Contains(text, "^[") || strings.ContainsRune(text, '\x1b') || strings.Contains(text, "[200~") || strings.Contains(text, "[201~") {
		t.Errorf("a paste's marker or escape sequence was echoed:\n%q", text)
	}
	if !strings.Contains(text, "q to quit:\n1\n") {
		t.Errorf("the typed 1 was not echoed after its prompt:\n%s", text)
	}
	if !strings.Contains(text, "Pays staff.\nAnd more.\nSaved.\n") {
		t.Errorf("the paste was not echoed, cleaned, before it was saved:\n%s", text)
	}
	if got := e.load(1).Answers["purpose"].Value.Text; got != "Pays staff.\nAnd more." {
		t.Errorf("purpose stored as %q, want the paste, cleaned", got)
	}
}

// With its echo off the terminal edits no line either: accessible mode
// does, as the terminal did. Backspace, Ctrl-U and Ctrl-W erase what was typed
// (and say so by erasing it from the echo), keys that send escape
// sequences (arrows) put nothing in the line, and Ctrl-D at the start of
// a line ends the input, twice after typing ends it in the middle of a
// line, nothing of which is used.
func TestAccessibleEditsTheLineItEchoes(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	// At the list: 7, erased; 2, erased with Ctrl-U; "7 7", erased
	// with Ctrl-W twice; an arrow; then 1.
	text := e.accessibleEchoing("7\x7f2\x15" + "7 7\x17\x17" + "\x1b[A1\n" + "\x04")
	if !strings.Contains(text, "7\b \b2\b \b7 7\b \b\b \b\b \b1\n") {
		t.Errorf("the erasing was not echoed as erasing:\n%q", text)
	}
	if !strings.Contains(text, "Question 1 of") {
		t.Errorf("the line edited to 1 did not open assessment 1:\n%s", text)
	}
	if !strings.Contains(text, "Input ended; every change assay confirmed is saved.") {
		t.Errorf("Ctrl-D at the start of a line did not end the input:\n%s", text)
	}
	text = e.accessibleEchoing("1\nq\x04\x04")
	if !strings.Contains(text, "The input ended in the middle of a line, before Enter: nothing of it was used.") {
		t.Errorf("Ctrl-D twice after typing was not a line cut short:\n%s", text)
	}
}

// Echoing itself keeps every guarantee a paste had: a paste that held
// its own end marker answers nothing and what came with it is thrown
// away, a paste of several lines at a number is refused, and nothing of
// either is echoed with an escape sequence.
func TestAccessibleEchoingKeepsWhatAPasteMayNotDo(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	in := &terminalInput{writes: []string{
		"1\n", "s\n", "s\n", "s\n", "s\n", // to the records question (a number)
		pasted("1200\nstaff and contractors"), "\n", "s\n", "s\n", // refused; records and the date skipped
		"\x1b[200~Pays staff.\x1b[201~\x1b]0;owned\x07\nq\nrm -rf ~\x1b[201~", // at the text question
		"\n", "mine\n", "q\n",
	}}
	d := e.deps()
	d.BracketedPaste, d.EchoTyped, d.DiscardWaiting = true, true, in.discardWaiting
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), d, in, &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"That paste is 2 lines; this question takes one line. Nothing of it was used.\n",
		"More arrived with that paste than an answer (pasted text that held a paste's end marker): nothing of it was used.\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if strings.ContainsRune(text, '\x1b') || strings.ContainsRune(text, '\a') {
		t.Errorf("an escape sequence was echoed:\n%q", text)
	}
	answers := e.load(1).Answers
	if got, ok := answers["records"]; ok {
		t.Errorf("records answered by the paste: %+v", got)
	}
	if got := answers["purpose"].Value.Text; got != "mine" {
		t.Errorf("purpose stored as %q, want %q (typed after the paste)\n%s", got, "mine", text)
	}
}
