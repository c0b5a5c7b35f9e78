// Package wraptext wraps text, styled or not, to a width in terminal
// cells, at spaces only: a date (2026-03-31), an ID (transfer-safeguards),
// a control (PR.AA-03) or a path stays whole unless it is longer than a
// line by itself.
package wraptext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// keptHyphen stands in for "-" while wrapping: a non-breaking hyphen,
// one cell wide like the hyphen it replaces. (The wrapper breaks after
// hyphens by itself.)
const keptHyphen = '\u2011'

// Wrap wraps s to width cells, breaking a word only when it is longer
// than a line.
func Wrap(s string, width int) string {
	if width <= 0 {
		return s
	}
	if strings.ContainsRune(s, keptHyphen) {
		return ansi.Wrap(s, width, "") // cannot tell ours from the text's own
	}
	s = strings.ReplaceAll(s, "-", string(keptHyphen))
	s = breakLongWords(s, width)
	s = ansi.Hardwrap(ansi.Wordwrap(s, width, ""), width, true)
	return strings.ReplaceAll(s, string(keptHyphen), "-")
}

// breakLongWords splits each word longer than width into pieces the
// word-wrapper then puts on lines of their own, joined by spaces that
// become the line breaks. A word of letters is broken with a hyphen; any
// other (a path, a URL, an ID) is broken without one, a hyphen there
// reading as part of it. The last piece keeps at least three of the
// word's letters or digits, so that no line begins with a lone comma or
// a word's last letter. (Cutting at the edge left "Vulnerabilities" on
// one line and its comma starting the next.) A word with escape
// sequences is left to the hard wrap, which keeps its styles.
func breakLongWords(s string, width int) string {
	if width < 4 {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] == ' ' || s[i] == '\n' {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\n' {
			j++
		}
		word := s[i:j]
		if strings.IndexByte(word, 0x1b) < 0 && ansi.StringWidth(word) > width {
			word = strings.Join(pieces(word, width), " ")
		}
		b.WriteString(word)
		i = j
	}
	return b.String()
}

// pieces breaks a word wider than width into pieces of at most width
// cells, each but the last ending a line.
func pieces(word string, width int) []string {
	rs := []rune(word)
	core := strings.TrimRightFunc(word, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	hyphen := core != "" && strings.IndexFunc(core, func(r rune) bool { return !unicode.IsLetter(r) }) < 0
	step := width
	if hyphen {
		step = width - 1
	}
	var out []string
	start := 0
	for ansi.StringWidth(string(rs[start:])) > width {
		end := start + fitting(rs[start:], step)
		// Keep three letters or digits for the last piece: move the break
		// back if what would be left has fewer.
		if rest := rs[end:]; ansi.StringWidth(string(rest)) <= width {
			for end-start > 1 && alnum(rs[end:]) < 3 {
				end--
			}
		}
		piece := string(rs[start:end])
		if hyphen {
			piece += string(keptHyphen) // the wrapper would break after a "-"
		}
		out = append(out, piece)
		start = end
	}
	return append(out, string(rs[start:]))
}

// fitting is how many of rs's runes fit in cells (at least one).
func fitting(rs []rune, cells int) int {
	n, w := 0, 0
	for n < len(rs) {
		rw := ansi.StringWidth(string(rs[n]))
		if w+rw > cells {
			break
		}
		w += rw
		n++
	}
	return max(n, 1)
}

// alnum counts the letters and digits in rs.
func alnum(rs []rune) int {
	n := 0
	for _, r := range rs {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			n++
		}
	}
	return n
}

// Row wraps a line of columns wider than width: the part after the last
// gap of two or more spaces that starts within the line's first width
// cells (a help row's description, the last column of a table) wraps
// under that gap's end; where that leaves under 20 cells, the line wraps
// under its own indentation. A line that fits, or a width of 0, is kept.
func Row(line string, width int) []string {
	plain := ansi.Strip(line)
	if width <= 0 || ansi.StringWidth(plain) <= width {
		return []string{line}
	}
	indent := len(plain) - len(strings.TrimLeft(plain, " "))
	col, cells := indent, indent
	for i := indent; i < len(plain) && cells < width; {
		if plain[i] == ' ' && i+1 < len(plain) && plain[i+1] == ' ' {
			j := i
			for j < len(plain) && plain[j] == ' ' {
				j++
			}
			if j < len(plain) {
				col = j
			}
			cells += j - i
			i = j
			continue
		}
		_, size := utf8.DecodeRuneInString(plain[i:])
		i += size
		cells++ // near enough to find the gaps within the width
	}
	col = ansi.StringWidth(plain[:col])
	if width-col < 20 {
		// Too little room beside the columns: the row reads as a line of
		// text, its gaps two spaces, wrapped under its indentation with
		// the lines after the first further in.
		indent = min(indent, width/2)
		body := narrowGaps(strings.TrimLeft(line, " "))
		wrapped := strings.Split(Wrap(body, width-indent-2), "\n")
		out := []string{strings.Repeat(" ", indent) + wrapped[0]}
		for _, l := range wrapped[1:] {
			out = append(out, strings.Repeat(" ", indent+2)+strings.TrimLeft(l, " "))
		}
		return out
	}
	head, body := ansi.Cut(line, 0, col), ansi.Cut(line, col, ansi.StringWidth(plain))
	wrapped := strings.Split(Wrap(body, width-col), "\n")
	out := []string{head + wrapped[0]}
	for _, l := range wrapped[1:] {
		out = append(out, strings.Repeat(" ", col)+strings.TrimLeft(l, " "))
	}
	return out
}

// narrowGaps makes every run of more than two spaces two spaces.
func narrowGaps(s string) string {
	var b strings.Builder
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			run++
			if run > 2 {
				continue
			}
		} else {
			run = 0
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
