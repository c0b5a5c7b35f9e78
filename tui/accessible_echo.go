package tui

import (
	"bytes"
	"io"
	"sync"
	"unicode/utf8"
)

// Accessible mode's own echo and line editing, on a terminal whose echo
// and line editing cmd/assay turned off (Deps.EchoTyped). The terminal's
// echo showed a paste's markers as ^[[200~ and ^[[201~, which a screen
// reader read out; turning only its echo of control characters off
// (ECHOCTL) would have sent them, and any escape sequence a paste held,
// to the terminal raw. Here a typed key is echoed as it arrives, cleaned
// (a key that sends an escape sequence, such as an arrow, echoes and
// enters nothing), and a paste is echoed whole at its end marker, cleaned
// as text read out is (cleanBlock): its markers never are.

// lockedWriter lets the reader's echo and the prompter's lines share one
// writer.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(b []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(b)
}

// Keys the line editing reads, as a terminal in line mode reads them.
const (
	keyEOF       = 0x04 // Ctrl-D
	keyBackspace = 0x08 // Ctrl-H
	keyKill      = 0x15 // Ctrl-U: erase the line
	keyWordErase = 0x17 // Ctrl-W: erase the last word
	keyDelete    = 0x7f // Backspace on most keyboards
)

// typedKey handles one byte typed outside a paste with the echo on: it
// adds it to the line (add) and echoes it, or edits the line. eof is a
// Ctrl-D that ends the input: at the start of a line, or after another
// Ctrl-D, as a terminal in line mode ends it.
func (l *lineReader) typedKey(b byte, buf *[]byte, lastEOF bool, add func(byte)) (eof bool) {
	switch {
	case b == keyEOF:
		return len(*buf) == 0 || lastEOF
	case b == keyBackspace || b == keyDelete:
		l.erase(buf, 1)
	case b == keyKill:
		l.erase(buf, -1)
	case b == keyWordErase:
		n, inWord := 0, false
		for i := len(*buf) - 1; i >= 0 && (*buf)[i] != '\n'; i-- {
			space := (*buf)[i] == ' ' || (*buf)[i] == '\t'
			if inWord && space {
				break
			}
			inWord = inWord || !space
			if utf8.RuneStart((*buf)[i]) {
				n++
			}
		}
		l.erase(buf, n)
	case b == 0x1b:
		l.skipKeySequence()
	case b < 0x20 && b != '\t':
		// Another control key: nothing typed.
	default:
		add(b)
		// Echoed once a character is whole, cleaned: an invisible or
		// bidi control echoes nothing. A line over the limit is empty.
		start := len(*buf) - 1
		for start > 0 && !utf8.RuneStart((*buf)[start]) {
			start--
		}
		if start >= 0 && utf8.FullRune((*buf)[start:]) {
			l.echo.show(cleanBlock(string((*buf)[start:])))
		}
	}
	return false
}

// erase removes the last n characters of the line typed (n < 0: all of
// it), never past a line break a paste held, and erases them from the
// echo.
func (l *lineReader) erase(buf *[]byte, n int) {
	for ; n != 0 && len(*buf) > 0 && (*buf)[len(*buf)-1] != '\n'; n-- {
		_, size := utf8.DecodeLastRune(*buf)
		shown := cleanBlock(string((*buf)[len(*buf)-size:])) != ""
		*buf = (*buf)[:len(*buf)-size]
		if shown {
			l.echo.eraseLast()
		}
	}
}

// skipKeySequence reads the rest of an escape sequence a key sent (an
// arrow, a function key: ESC [ ... final, ESC O x) after its ESC, which
// is not a paste's marker: such a key enters nothing. A key's sequence
// arrives whole, so it is read from what arrived with its ESC, never
// waited for: it ends at its final byte, before a byte that cannot
// continue it (Enter, the ESC of a paste's start marker), or where what
// arrived ends. A lone ESC, and Alt+[ (ESC [ and no final byte after
// it), enter nothing either, and the keys typed after them are read as
// typed: waiting for a final byte held them back, then took the first as
// it, and skipping to where what arrived ends lost them.
func (l *lineReader) skipKeySequence() {
	arrived, _ := l.r.Peek(l.r.Buffered())
	if len(arrived) == 0 {
		return
	}
	n := 0
	switch arrived[0] {
	case 'O':
		n = 1
		if len(arrived) > 1 && inSequence(arrived[1]) {
			n = 2
		}
	case '[':
		n = 1
		for n < len(arrived) && inSequence(arrived[n]) {
			n++
			if arrived[n-1] >= 0x40 { // a final byte
				break
			}
		}
		if arrived[n-1] < 0x40 {
			// No final byte: not a key's sequence, which arrives
			// whole, but Alt+[ and what was typed with it (ESC [ 1:
			// Alt+[ and a 1), read as typed.
			n = 1
		}
	}
	_, _ = l.r.Discard(n)
}

// inSequence reports whether b can continue a key's escape sequence: a
// parameter, intermediate or final byte, never a control or a byte of a
// character beyond ASCII.
func inSequence(b byte) bool { return b >= 0x20 && b <= 0x7e }

// echoPaste echoes a paste whole at its end: what a paste held, cleaned,
// its line breaks kept.
func (l *lineReader) echoPaste(pasted []byte) {
	l.echo.show(cleanBlock(string(bytes.ReplaceAll(pasted, []byte("\r"), nil))))
}
