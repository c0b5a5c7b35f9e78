package tui_test

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/tui"
)

// The end of input (Ctrl-D, or the end of a piped file) ends accessible
// mode with a sentence saying the answers given are kept: it used to end
// straight after a prompt, so a screen-reader user heard the question and
// then the shell, and could not tell whether the last answer counted.
func TestAccessibleEndOfInputSaysTheAnswersAreSaved(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	for _, typed := range []string{"1\n1\n", "", "1\n1\nnote: half a line"} {
		text := e.accessible(typed)
		if want := "\nInput ended; every change assay confirmed is saved.\n"; !strings.HasSuffix(text, want) {
			t.Errorf("after %q accessible output does not end with %q:\n%s", typed, want, text)
		}
	}
	// q is the person's own choice: nothing more to say.
	if text := e.accessible("q\n"); strings.Contains(text, "Input ended") {
		t.Errorf("q said the input ended:\n%s", text)
	}
}

// Ctrl-C (the context cancelled) ends accessible mode while it waits for a
// line, at once: it used to wait on the read until assay gave up on it
// three seconds later, in silence.
func TestAccessibleInterruptEndsTheWaitAtOnce(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	r, w := io.Pipe()
	defer w.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out tui.AccessibleOutput
	done := make(chan error, 1)
	go func() { done <- tui.RunAccessible(ctx, e.deps(), r, &out) }()
	io.WriteString(w, "1\n1\n")
	deadline := time.Now().Add(screenWait)
	for !strings.Contains(out.String(), "Saved.") {
		if time.Now().After(deadline) {
			t.Fatalf("no answer saved:\n%s", out.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	select {
	case <-done:
	// No other line ever comes: one that waited for it would never end,
	// so the limit only has to outlast a loaded machine's scheduling.
	case <-time.After(screenWait):
		t.Fatalf("still waiting for a line %s after the interrupt:\n%s", screenWait, out.String())
	}
	if got := e.load(1).Answers["data-sensitivity"]; len(got.Value.Choices) != 1 {
		t.Errorf("the answer given before the interrupt is not stored: %+v", got)
	}
}
