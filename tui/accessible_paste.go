package tui

import (
	"bytes"
	"io"
)

// Bracketed paste: a terminal told so (ESC[?2004h, said by cmd/assay on
// a terminal, Deps.BracketedPaste) sends a paste between these markers.
// Read a line an input, a pasted paragraph's second line answered the
// next prompt; read between its markers, a paste is one input, for the
// prompt it was pasted at.
var (
	pasteStart = []byte("\x1b[200~")
	pasteEnd   = []byte("\x1b[201~")
)

// entry is one input: what was typed and pasted up to an Enter typed
// outside a paste.
type entry struct {
	text string
	// tooLong is an input over the reader's limit: its text is empty,
	// and it was read to its end, so nothing of it is read as the next
	// input.
	tooLong bool
	// strayEnd is an input holding a paste's end marker outside a
	// paste: the rest of pasted text that held the marker itself (a
	// terminal that does not remove it from a paste sends it). It is
	// untrusted text, and not used.
	strayEnd bool
	// cameWithMore is an input holding a paste whose Enter arrived with
	// more input after it: the Enter was pasted, not typed, after a
	// paste's end marker that the pasted text held. It, and what
	// arrived with it (thrown away), are not used.
	cameWithMore bool
}

// nextEntry reads one input with pastes marked: a newline ends it only
// outside a paste; inside one, line breaks (CR, CRLF, LF) are kept as
// newlines. ok is false at the end of input, and when it ends inside a
// paste or a line (cut, pasteCut): nothing of a half-entered input is
// used.
func (l *lineReader) nextEntry() (e entry, ok bool) {
	var buf []byte
	inPaste, pasted := false, false
	// pasteFrom is where the paste being read starts in buf, echoed
	// from there at its end; lastEOF is a Ctrl-D typed last.
	pasteFrom, lastEOF := 0, false
	add := func(b byte) {
		if e.tooLong {
			return
		}
		buf = append(buf, b)
		if len(buf) > l.max {
			buf, e.tooLong = nil, true
		}
	}
	for {
		b, err := l.r.ReadByte()
		if err == nil && l.echo != nil && !inPaste && b != 0x1b && b != '\n' {
			// The terminal edits and echoes nothing: this reader does.
			eof := l.typedKey(b, &buf, lastEOF, add)
			lastEOF = b == keyEOF
			if !eof {
				continue
			}
			err = io.EOF
		}
		if err != nil {
			l.cut = len(buf) > 0 || e.tooLong || e.strayEnd
			l.pasteCut = inPaste
			return entry{}, false
		}
		if b == 0x1b {
			switch {
			case l.marker(pasteStart, inPaste):
				if inPaste {
					// Pasted text holding a start marker: its ESC
					// is removed as any escape sequence typed.
					for _, c := range pasteStart {
						add(c)
					}
				}
				if !inPaste {
					pasteFrom = len(buf)
				}
				inPaste, pasted = true, true
				continue
			case l.marker(pasteEnd, inPaste):
				if !inPaste {
					e.strayEnd = true
				} else if l.echo != nil && !e.tooLong {
					l.echoPaste(buf[pasteFrom:])
				}
				inPaste = false
				continue
			case l.echo != nil && !inPaste:
				// A key's escape sequence, not a marker: nothing typed.
				l.skipKeySequence()
				continue
			}
		}
		switch {
		case b == '\n' && !inPaste:
			if l.echo != nil {
				l.echo.entered()
			}
			e.text = string(bytes.TrimRight(buf, "\r"))
			if pasted && l.discardWaiting != nil && (l.r.Buffered() > 0 || l.discardWaiting()) {
				// Whatever is waiting still is thrown away too.
				_, _ = l.r.Discard(l.r.Buffered())
				l.discardWaiting()
				e.text, e.cameWithMore = "", true
			}
			return e, true
		case b == '\r' && inPaste:
			// A terminal sends a pasted line break as CR (CRLF from
			// some): kept as one newline.
			if next, err := l.r.Peek(1); err == nil && next[0] == '\n' {
				continue
			}
			add('\n')
		default:
			add(b)
		}
	}
}

// marker reports whether the input after the ESC just read continues as
// m does, and if so reads it. It looks only at what has arrived: a lone
// ESC typed before Enter must not wait for bytes that never come. A
// terminal in line mode delivers a marker whole with its line.
func (l *lineReader) marker(m []byte, inPaste bool) bool {
	rest := m[1:]
	if l.echo != nil && !inPaste && l.r.Buffered() < len(rest) {
		// Keys arrive one by one, a key's escape sequence whole, and
		// so does a marker, with its ESC (the terminal writes it in
		// one piece): nothing after an ESC typed is the Escape key,
		// and [ alone after it is Alt+[, not the start of a marker.
		// Waiting for the rest would hold up the keys typed after
		// them, and take them as the marker's. Inside a paste, the
		// end marker is waited for.
		return false
	}
	n := min(len(rest), l.r.Buffered())
	got, _ := l.r.Peek(n)
	if !bytes.HasPrefix(rest, got) {
		return false
	}
	if n < len(rest) {
		// Part of a marker has arrived: the rest of its line is on
		// its way (a line ends with Enter, a paste with its marker).
		var err error
		if got, err = l.r.Peek(len(rest)); err != nil || !bytes.Equal(got, rest) {
			return false
		}
	}
	_, _ = l.r.Discard(len(rest))
	return true
}
