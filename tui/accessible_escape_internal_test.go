package tui

import (
	"io"
	"testing"
	"time"
)

// Outside a paste, ESC [ 2 arriving in one read (Alt+[ and a 2 sent
// together, as tmux send-keys does) is the start of a paste's marker as
// far as it goes: the reader waited for the marker's rest, and with it
// for keys typed after, so an Enter typed next did not end the line
// until more keys came. A marker arrives whole; nothing is waited for,
// and the 2 is typed, not skipped as the rest of a key's sequence
// (TestAccessibleAltBracketAndADigitInOneReadKeepTheDigit).
// readLimit is how long a read of what has arrived may take: far more
// than it does, for a machine under load; one waiting for more input
// never ends.
const readLimit = 30 * time.Second

func TestAMarkersStartIsNotWaitedForOutsideAPaste(t *testing.T) {
	r, w := io.Pipe()
	defer r.Close()
	lines := newLineReader(r, maxLine)
	lines.paste, lines.echo = true, newEchoLine(io.Discard, false, nil)
	got := make(chan entry, 1)
	go func() {
		e, _ := lines.nextEntry()
		got <- e
	}()
	for _, keys := range []string{"\x1b[2", "1", "\n"} {
		if _, err := w.Write([]byte(keys)); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case e := <-got:
		if e.text != "21" {
			t.Errorf("the line is %q, want the 2 typed with Alt+[ and the 1 after it", e.text)
		}
	case <-time.After(readLimit):
		t.Fatalf("the line typed after ESC [ 2 was not read within %v: held back waiting for a marker", readLimit)
	}
}
