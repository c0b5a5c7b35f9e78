package tui_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/tui"
)

// Alt+[ sends ESC and [ and nothing after: the start of a paste's marker
// (ESC [ 2 0 0 ~) as far as it goes, and of a key's escape sequence that
// never ends. Read as either, it held back the keys typed next until
// enough had arrived to tell, and then took them as the rest of the
// sequence: they were lost. A key's escape sequence arrives whole, so it
// ends with what arrived with its ESC, or before a byte that cannot
// continue it (Enter, the ESC of a paste's start): the keys typed after
// are read as typed, Enter ends the line, a paste after it is a paste.
func TestAccessibleAltBracketHoldsNoKeysBack(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	in := &terminalInput{writes: []string{
		"\x1b[", "1", "\n", // Alt+[, then 1 and Enter at the list
		"s", "\x1b[\n", // s, then Alt+[ and Enter arriving together
		"\x1b[\x1b[200~s\x1b[201~", "\n", // Alt+[ and a paste of s arriving together
		"q\n",
	}}
	d := e.deps()
	d.BracketedPaste, d.EchoTyped, d.DiscardWaiting = true, true, in.discardWaiting
	var out bytes.Buffer
	if err := tui.RunAccessible(context.Background(), d, in, &out); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if !strings.Contains(text, "Question 1 of") {
		t.Fatalf("the 1 typed after Alt+[ did not open assessment 1:\n%q", text)
	}
	if !strings.Contains(text, "Question 3 of") {
		t.Errorf("the s ended by Enter after Alt+[, or pasted after it, did not skip a question:\n%q", text)
	}
	if strings.ContainsRune(text, '\x1b') {
		t.Errorf("Alt+[ was echoed:\n%q", text)
	}
}
