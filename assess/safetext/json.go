package safetext

import (
	"fmt"
	"unicode/utf8"
)

// EscapeJSON rewrites JSON text so that it holds nothing a terminal acts
// on, without changing what it means: encoding/json already escapes C0
// controls (ESC, BEL) as \u001b and the like, but writes C1 controls
// (U+0080 to U+009F, U+009B being a one-character CSI) and bidi overrides
// as raw UTF-8. Outside strings valid JSON holds only ASCII, so every such
// character is inside a string and \uXXXX is the same string. Data keeps
// its exact text; `assay list --json` printed to a terminal stays inert.
//
// b must be valid JSON as encoding/json writes it (valid UTF-8).
func EscapeJSON(b []byte) []byte {
	if !hasHazard(b) {
		return b
	}
	out := make([]byte, 0, len(b)+32)
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if (r >= 0x80 && r <= 0x9f) || isBidiControl(r) {
			out = fmt.Appendf(out, `\u%04x`, r)
		} else {
			out = append(out, b[i:i+size]...)
		}
		i += size
	}
	return out
}

// hasHazard is a quick scan: C1 controls start with 0xc2 and the bidi
// controls with 0xd8 (U+061C) or 0xe2 (U+200E and up).
func hasHazard(b []byte) bool {
	for _, c := range b {
		if c == 0xc2 || c == 0xd8 || c == 0xe2 {
			return true
		}
	}
	return false
}
