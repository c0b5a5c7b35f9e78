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
	return safetext.EscapeMarkdown(safetext.OneLine(s))
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

// wrapBody wraps escaped prose that may hold the breaks of a user's text
// (markdownText): each line is wrapped by itself, a line followed by
// another of the same paragraph ends in a backslash (CommonMark's hard
// line break, which markdownlint accepts where two trailing spaces fail
// MD009), and a blank line parts two paragraphs. Every line after the
// first starts with rest, so that a list item's paragraphs stay in the
// item; each starts with its first word defused (wrap), so that no line
// of the text opens a heading, a list or a quote.
func wrapBody(text string, limit int, first, rest string) []string {
	if !strings.Contains(text, "\n") {
		return wrap(text, limit, first, rest)
	}
	var out []string
	prefix := first
	for pi, para := range strings.Split(text, "\n\n") {
		if pi > 0 {
			out = append(out, "")
		}
		lines := strings.Split(para, "\n")
		for li, line := range lines {
			if li == len(lines)-1 {
				out = append(out, wrap(line, limit, prefix, rest)...)
				prefix = rest
				continue
			}
			wrapped := wrap(line, limit, prefix, rest)
			if width(wrapped[len(wrapped)-1]) >= limit {
				wrapped = wrap(line, limit-1, prefix, rest) // room for the backslash
			}
			wrapped[len(wrapped)-1] += "\\"
			out = append(out, wrapped...)
			prefix = rest
		}
	}
	return out
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
			line = safetext.DefuseBlockStart(w)
			continue
		}
		if width(prefix+line+" "+w) > limit {
			flush()
			line = safetext.DefuseBlockStart(w)
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
