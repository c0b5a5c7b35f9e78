package safetext

import "strings"

// EscapeMarkdown makes one line of text, already clean of escape
// sequences, read as written in CommonMark with GitHub's extensions, inside
// a paragraph, list item or table cell: Markdown punctuation is
// backslash-escaped, <, > and & become entities, and bare links are
// broken, so that no text starts a table cell, a link, a code span or any
// HTML. A line's first word may still start a block: DefuseBlockStart.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '`', '*', '_', '[', ']', '|', '~', '@':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case ':':
			// "https://" and "www." would become links (and bare URLs
			// fail markdownlint's MD034); an escaped colon or dot keeps
			// the text exactly as written.
			if strings.HasPrefix(s[i:], "://") {
				b.WriteString(`\:`)
			} else {
				b.WriteByte(c)
			}
		case 'w', 'W':
			if len(s)-i >= 4 && strings.EqualFold(s[i:i+4], "www.") {
				b.WriteString(s[i : i+3])
				b.WriteString(`\.`)
				i += 3
			} else {
				b.WriteByte(c)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// DefuseBlockStart escapes a word that would open a block (a list, a
// heading, a quote, a rule) if it began a line.
func DefuseBlockStart(w string) string {
	if w == "" {
		return w
	}
	switch w[0] {
	case '-', '+', '#', '=', '>':
		return `\` + w
	}
	i := 0
	for i < len(w) && i < 9 && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i > 0 && i < len(w) && (w[i] == '.' || w[i] == ')') {
		return w[:i] + `\` + w[i:]
	}
	return w
}

// Markdown makes untrusted text, over any number of lines, read as
// written where Markdown is rendered (OSCAL's markup fields): it is
// cleaned, each line escaped (EscapeMarkdown) and stripped of the
// indentation that would make it code, and a line that would open a block
// has its first character escaped. Each line typed is a paragraph of its
// own: in Markdown lines parted by one line break are one paragraph, so a
// note written on three lines read as one run-on sentence in an OSCAL
// viewer. Paragraphs are what every reader of OSCAL's markup-multiline
// keeps; blank lines between two lines are one paragraph break, as many
// as were typed.
func Markdown(s string) string {
	var paragraphs []string
	for _, l := range strings.Split(Clean(s), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		paragraphs = append(paragraphs, DefuseBlockStart(EscapeMarkdown(l)))
	}
	return strings.Join(paragraphs, "\n\n")
}
