package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// asciiGlyphs are the ASCII characters drawn for the workspace's glyphs,
// and for those of the components it draws with (huh's borders and
// arrows, the help's bullets and ellipsis), on a terminal whose locale is
// not UTF-8: each takes the one cell its glyph took, so that every line
// is as long as the screens measured it. Typographic marks that
// questionnaire text may hold are here too.
var asciiGlyphs = map[string]string{
	// rules and boxes
	"─": "-", "━": "-", "═": "=", "│": "|", "┃": "|", "║": "|",
	"┼": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+",
	"┌": "+", "┐": "+", "└": "+", "┘": "+", "╭": "+", "╮": "+", "╰": "+", "╯": "+",
	// marks
	"✓": "+", "✗": "x", "✎": "*", "◐": "o", "•": "*", "·": "|",
	"▸": ">", "›": ">", "⇄": "=", "…": "~", "⟨": "<", "⟩": ">",
	"█": "#", "░": ".",
	// arrows
	"→": ">", "←": "<", "↑": "^", "↓": "v",
	// typography
	"—": "-", "–": "-", "‘": "'", "’": "'", "“": `"`, "”": `"`, "×": "x", "≥": ">", "≤": "<",
}

// asciiFrame is frame drawn in ASCII, cell for cell: each glyph as its
// ASCII character, and any other character beyond ASCII (a name in
// Japanese, an accented letter: text a C locale cannot show) as a ? in
// each cell it takes. Only what is drawn changes, never what is stored.
func asciiFrame(frame string) string {
	i := strings.IndexFunc(frame, func(r rune) bool { return r >= 0x80 })
	if i < 0 {
		return frame
	}
	var b strings.Builder
	b.Grow(len(frame))
	b.WriteString(frame[:i])
	rest, state := frame[i:], -1
	for len(rest) > 0 {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		switch g, ok := asciiGlyphs[cluster]; {
		case ok:
			b.WriteString(g)
		case isASCII(cluster):
			b.WriteString(cluster)
		default:
			b.WriteString(strings.Repeat("?", ansi.StringWidth(cluster)))
		}
	}
	return b.String()
}

// asciiLineGlyphs are the glyphs accessible mode says otherwise than the
// workspace draws them: its lines are read, not laid out in cells, so an
// ellipsis is three dots and an arrow two characters, as on the command
// line.
var asciiLineGlyphs = map[string]string{
	"…": "...", "→": "->", "←": "<-", "⇄": "<->", "≥": ">=", "≤": "<=",
}

// asciiLine is a line of accessible mode in ASCII, for a terminal whose
// locale is not UTF-8: each glyph as its ASCII word (asciiLineGlyphs,
// then asciiGlyphs), and any other character beyond ASCII as one ?, so
// that a listener hears where a character was that this terminal cannot
// show. Only what is said changes, never what is stored.
func asciiLine(line string) string {
	if isASCII(line) {
		return line
	}
	var b strings.Builder
	b.Grow(len(line))
	rest, state := line, -1
	for len(rest) > 0 {
		var cluster string
		cluster, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if g, ok := asciiLineGlyphs[cluster]; ok {
			b.WriteString(g)
		} else if g, ok := asciiGlyphs[cluster]; ok {
			b.WriteString(g)
		} else if isASCII(cluster) {
			b.WriteString(cluster)
		} else {
			b.WriteByte('?')
		}
	}
	return b.String()
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
