// Package safetext makes untrusted text (answers, notes, vendor names,
// questionnaire files) safe to show: terminal escape sequences, control
// characters and bidirectional overrides are removed before any string
// reaches a screen or a report.
package safetext

import (
	"strings"
	"unicode/utf8"
)

// Clean removes escape sequences (CSI, OSC, DCS and the like, in 7-bit and
// C1 forms), control characters other than newline and tab, the Unicode
// bidirectional controls that can make text read differently from what it
// is, and Unicode's noncharacters (IsNoncharacter). Other line breaks
// (CRLF, CR, vertical tab, form feed, NEL) become newlines. Invalid UTF-8
// becomes U+FFFD.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteRune('\uFFFD')
			i++
		case r == 0x1b: // ESC
			i = skipEscape(s, i+1)
		case r == 0x9b: // C1 CSI
			i = skipCSI(s, i+size)
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(s, i+size)
		case r == '\n' || r == '\t':
			b.WriteRune(r)
			i += size
		case r == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++ // CRLF becomes LF
				continue
			}
			b.WriteByte('\n')
			i++
		case r == '\v' || r == '\f' || r == 0x85:
			// Line breaks too (a vertical tab is Word's Shift+Enter,
			// pasted; NEL a mainframe's): dropped, they ran the lines
			// on either side into one word.
			b.WriteByte('\n')
			i += size
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || isBidiControl(r) || IsNoncharacter(r):
			i += size
		default:
			b.WriteRune(r)
			i += size
		}
	}
	return b.String()
}

// OneLine is Clean with line breaks and tabs turned into single spaces,
// runs of spaces collapsed and characters that show as nothing dropped
// (DropHidden): for table cells, titles and status lines, whose columns
// count what they hold.
func OneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	return strings.Join(strings.Fields(DropHidden(Clean(s))), " ")
}

// isOneLine reports whether OneLine would leave s as it is: printable
// ASCII, words one space apart and no space at either end, as most names
// are. Lists clean a name per row; this spares them the copies.
func isOneLine(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || (c == ' ' && (i == 0 || i == len(s)-1 || s[i+1] == ' ')) {
			return false
		}
	}
	return true
}

func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f {
			return false
		}
	}
	return true
}

// DropBidi removes the bidirectional controls from s and leaves the rest
// as it is, escape sequences included: for a terminal frame already drawn,
// whose styling holds none.
func DropBidi(s string) string {
	if !strings.ContainsFunc(s, isBidiControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isBidiControl(r) {
			return -1
		}
		return r
	}, s)
}

// IsNoncharacter reports whether r is one of Unicode's 66 noncharacters:
// U+FDD0 to U+FDEF and the last two code points of every plane (U+FFFE,
// U+FFFF, U+1FFFE … U+10FFFF). They are for a program's own use and are
// not text: a viewer shows a box or nothing, and U+FFFE and U+FFFF may
// not appear in XML at all, so a Word document holding one does not open.
// Every output that cleans untrusted text removes them with the controls.
func IsNoncharacter(r rune) bool {
	return (r >= 0xfdd0 && r <= 0xfdef) || (r&0xfffe == 0xfffe && r >= 0xfffe && r <= 0x10ffff)
}

// FirstNoncharacter finds the first noncharacter in s (IsNoncharacter):
// a name given anew refuses one (assess.CleanName), as FirstControl does
// not report them. It returns the rune and its byte offset, or -1.
func FirstNoncharacter(s string) (rune, int) {
	if at := strings.IndexFunc(s, IsNoncharacter); at >= 0 {
		r, _ := utf8.DecodeRuneInString(s[at:])
		return r, at
	}
	return 0, -1
}

func isBidiControl(r rune) bool {
	return (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c
}

// skipEscape skips what follows an ESC byte at i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	// Two-byte sequences such as ESC c; intermediates (0x20-0x2f) first.
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) {
		i++
	}
	return i
}

// skipCSI skips parameters and intermediates up to the final byte.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		i++
		if c >= 0x40 && c <= 0x7e {
			break
		}
		if c < 0x20 && c != 0x1b {
			continue
		}
		if c == 0x1b {
			return i - 1
		}
	}
	return i
}

// skipString skips an OSC/DCS/SOS/PM/APC body up to BEL or ST (ESC \ or C1 ST).
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b && i+1 < len(s) && s[i+1] == '\\':
			return i + 2
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c: // C1 ST in UTF-8
			return i + 2
		}
		i++
	}
	return i
}

// FirstControl finds the first character Clean would remove or change in
// s: a control character (newline and tab too, unless keepLines), an
// escape sequence's ESC, a C1 control, a bidi control, or a byte that is
// not UTF-8 (reported as utf8.RuneError). It returns the character and its
// byte offset, or -1 if s is plain text that Clean leaves as it is, but
// for noncharacters, which it does not report: assay stored them in free
// text until Clean removed them, and in names until assess.CleanName
// refused them (FirstNoncharacter), and a record holding one, stored byte
// for byte, must still import (assess.CheckStoredText,
// assess.CheckStoredName); every output removes them.
func FirstControl(s string, keepLines bool) (rune, int) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return r, i
		case (r == '\n' || r == '\t') && keepLines:
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || isBidiControl(r):
			return r, i
		}
		i += size
	}
	return 0, -1
}
