package tui

import (
	"strings"
	"unicode/utf8"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess/safetext"
	"github.com/assay-dev/assay/internal/wraptext"
)

// clean makes text from users, vendors and files safe to draw: no escape
// sequences, no control characters, one line.
func clean(s string) string { return safetext.OneLine(s) }

// cleanBlock keeps line breaks but nothing else that could reach the terminal.
func cleanBlock(s string) string { return safetext.Clean(s) }

// dropBidiAndHidden removes bidi controls from a whole frame. Stored text is
// cleaned before it is drawn, but a field being typed in shows what was
// typed or pasted as it is (the check of a name must see it, to refuse
// it); drawn, a bidi override would reorder the line the analyst reads.
// The frame's own styling holds none. Characters that show as nothing
// go too (safetext.DropHidden): a name an older assay recorded with a
// soft hyphen opens a form holding it, and the frame, which measures it
// as nothing, drew a line a terminal, which draws it, found a cell too
// wide.
func dropBidiAndHidden(frame string) string { return safetext.DropHidden(safetext.DropBidi(frame)) }

// fit cuts s to width cells, marking the cut.
func fit(s string, width int) string {
	if width <= 0 {
		return ""
	}
	if w, ok := plainWidth(s); ok && w <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// pad fits s to exactly width cells.
func pad(s string, width int) string {
	if w, ok := plainWidth(s); ok && w <= width {
		return s + spaces(width-w)
	}
	s = fit(s, width)
	if w := lipgloss.Width(s); w < width {
		s += spaces(width - w)
	}
	return s
}

const blanks = "                                                                                                                                "

func spaces(n int) string {
	if n <= len(blanks) {
		return blanks[:n]
	}
	return strings.Repeat(" ", n)
}

// narrowMarks are the symbols assay's own screens draw, each one cell
// wide on its own.
const narrowMarks = "…▸⇄·✓→←↑↓•›"

// plainWidth is the width of s in cells when s is printable ASCII, SGR
// sequences (colours, bold) and narrowMarks, and false for anything else,
// which ansi.StringWidth measures grapheme by grapheme. Every frame
// measures each line drawn, most of them plain: this spares most of that.
func plainWidth(s string) (int, bool) {
	w := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x20 && c < 0x7f:
			w++
		case c >= utf8.RuneSelf:
			// A mark counts alone only if what follows is ASCII: anything
			// else may join it into one grapheme (an accent, a joiner).
			r, size := utf8.DecodeRuneInString(s[i:])
			if !strings.ContainsRune(narrowMarks, r) || (i+size < len(s) && s[i+size] >= utf8.RuneSelf) {
				return 0, false
			}
			w++
			i += size - 1
		case c == 0x1b && i+1 < len(s) && s[i+1] == '[':
			// CSI: parameters, then a final byte; SGR ends in m.
			j := i + 2
			for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';' || s[j] == ':') {
				j++
			}
			if j == len(s) || s[j] != 'm' {
				return 0, false
			}
			i = j
		default:
			return 0, false
		}
	}
	return w, true
}

// wrap word-wraps text to width at spaces, breaking only words longer
// than a line: never a date or an ID at its hyphens.
func wrap(s string, width int) string { return wraptext.Wrap(s, width) }

// wrapAfter wraps text that follows a label of used cells on its first
// line, indenting the lines after it under the text.
func wrapAfter(s string, used, width int) string {
	ls := strings.Split(wrap(s, max(width-used, 10)), "\n")
	for i := 1; i < len(ls); i++ {
		if ls[i] != "" { // a blank line between paragraphs stays blank
			ls[i] = strings.Repeat(" ", used) + ls[i]
		}
	}
	return strings.Join(ls, "\n")
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

// noteText is text for a huh note's description, which huh reads as
// markup (_italic_, *bold*, `code`, \ escaping the next character): each
// of those characters is escaped, so that a login such as dee_rev, or a
// question ID with an underscore, reads as it is written.
func noteText(s string) string {
	return noteMarkup.Replace(s)
}

var noteMarkup = strings.NewReplacer(`\`, `\\`, "_", `\_`, "*", `\*`, "`", "\\`")
