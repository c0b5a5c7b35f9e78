package tui

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess/safetext"
)

// clean makes text from users, vendors and files safe to draw: no escape
// sequences, no control characters, one line.
func clean(s string) string { return safetext.OneLine(s) }

// cleanBlock keeps line breaks but nothing else that could reach the terminal.
func cleanBlock(s string) string { return safetext.Clean(s) }

// fit cuts s to width cells, marking the cut.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	return ansi.Truncate(s, width, "…")
}

// pad fits s to exactly width cells.
func pad(s string, width int) string {
	s = fit(s, width)
	if w := lipgloss.Width(s); w < width {
		s += strings.Repeat(" ", width-w)
	}
	return s
}

// wrap word-wraps text to width, breaking words longer than a line.
func wrap(s string, width int) string {
	if width <= 0 {
		return s
	}
	return ansi.Wrap(s, width, "")
}

// wrapAfter wraps text that follows a label of used cells on its first
// line, indenting the lines after it under the text.
func wrapAfter(s string, used, width int) string {
	ls := strings.Split(wrap(s, max(width-used, 10)), "\n")
	for i := 1; i < len(ls); i++ {
		ls[i] = strings.Repeat(" ", used) + ls[i]
	}
	return strings.Join(ls, "\n")
}

// plural picks the word for a count.
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// lines joins non-empty blocks with newlines.
func lines(parts ...string) string {
	return strings.Join(parts, "\n")
}

// listRow marks the row under the cursor with ▸, the same in every list.
func listRow(st styles, line string, atCursor bool) string {
	if atCursor {
		return st.selected.Render("▸ ") + line
	}
	return "  " + line
}
