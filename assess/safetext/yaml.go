package safetext

import (
	"fmt"
	"strings"
)

// QuoteYAML writes s as a double-quoted YAML scalar that reads back as
// exactly s: quotes and backslashes escaped, newlines and tabs as \n and
// \t, and every other control character (C0, DEL, C1, U+009B being a
// one-character CSI), line and paragraph separator, byte-order mark,
// noncharacter and bidi control as \uXXXX. The file it goes into may be
// printed to a terminal or opened in an editor, where none of them acts.
func QuoteYAML(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f) || r == 0x2028 || r == 0x2029 ||
			r == 0xfeff || r == 0xfffe || r == 0xffff || isBidiControl(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
