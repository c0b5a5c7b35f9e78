package report

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/assay-dev/assay/assess/safetext"
)

// Inline makes untrusted text safe inside a Markdown paragraph, list item
// or table cell: escape sequences and control characters go, line breaks
// become spaces, Markdown punctuation is backslash-escaped, and <, > and &
// become entities, so no text can start a table cell, a link, a code span
// or any HTML.
func Inline(s string) string {
	return escapeMarkdown(safetext.OneLine(s))
}

// escapeMarkdown is Inline for text already on one line and clean of
// escape sequences: the spans of a document.
func escapeMarkdown(s string) string {
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

// Code renders text as an inline code span, choosing a fence of backticks
// longer than any run inside it. For IDs, which are known to be plain.
func Code(s string) string {
	s = safetext.OneLine(s)
	fence := "`"
	for strings.Contains(s, fence) {
		fence += "`"
	}
	pad := ""
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		pad = " "
	}
	return fence + pad + s + pad + fence
}

// Truncate shortens untrusted text to at most n characters, for headings
// that must fit on a line; it works before escaping so no escape is cut.
func Truncate(s string, n int) string {
	s = safetext.OneLine(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

// width is the length of a line as markdownlint's line length rule (MD013)
// counts it: in UTF-16 code units, so that an emoji, or a Chinese character
// beyond the Basic Multilingual Plane, counts two.
func width(s string) int {
	n := 0
	for _, r := range s {
		n += max(utf16.RuneLen(r), 1)
	}
	return n
}

// wrap breaks escaped text into lines of at most limit characters as
// width counts them, the first starting with first and the rest with rest
// (indentation). A word longer than the limit stays whole. Lines that
// would start a block (a list, a heading, a rule) have their first
// character escaped.
func wrap(text string, limit int, first, rest string) []string {
	words := strings.Fields(text)
	var lines []string
	line, prefix := "", first
	flush := func() {
		if line != "" {
			lines = append(lines, prefix+line)
			prefix = rest
			line = ""
		}
	}
	for _, w := range words {
		if line == "" {
			line = defuse(w)
			continue
		}
		if width(prefix+line+" "+w) > limit {
			flush()
			line = defuse(w)
			continue
		}
		line += " " + w
	}
	flush()
	if len(lines) == 0 {
		lines = []string{strings.TrimRight(first, " ")}
	}
	return lines
}

// defuse escapes a word that would open a block if it began a line.
func defuse(w string) string {
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
