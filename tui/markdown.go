package tui

import (
	"strconv"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess/safetext"
)

// renderMarkdown lays out the Markdown assay writes its reports in
// (assess/report) for a terminal width cells wide: headings, paragraphs,
// bulleted and numbered lists, pipe tables, strong and emphasised text,
// code spans, backslash escapes and the entities &lt; &gt; &amp;, and an
// HTML comment line, which is skipped. That is all the report writer
// writes; anything else shows as the text it is.
//
// A general Markdown renderer (glamour, with its syntax highlighter and
// HTML sanitiser) cost every assay command some 28 ms of package
// initialisation at start, for this one view.
func renderMarkdown(md string, width int, st styles) string {
	r := &mdRenderer{st: st, width: max(width, 20)}
	lines := strings.Split(strings.ReplaceAll(md, "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); {
		line := lines[i]
		switch {
		case strings.TrimSpace(line) == "":
			i++
		case strings.HasPrefix(line, "<!--"):
			for i < len(lines) && !strings.Contains(lines[i], "-->") {
				i++
			}
			i++
		case headingLevel(line) > 0:
			r.heading(headingLevel(line), line[headingLevel(line)+1:])
			i++
		case strings.HasPrefix(line, "|"):
			j := i
			for j < len(lines) && strings.HasPrefix(lines[j], "|") {
				j++
			}
			r.table(lines[i:j])
			i = j
		case listMarker(line) != "":
			j := i + 1
			for j < len(lines) && strings.HasPrefix(lines[j], " ") && strings.TrimSpace(lines[j]) != "" {
				j++
			}
			r.item(lines[i:j])
			i = j
		default:
			j := i + 1
			for j < len(lines) && strings.TrimSpace(lines[j]) != "" && headingLevel(lines[j]) == 0 &&
				!strings.HasPrefix(lines[j], "|") && listMarker(lines[j]) == "" {
				j++
			}
			r.paragraph(strings.Join(lines[i:j], " "))
			i = j
		}
	}
	return strings.TrimRight(r.b.String(), "\n") + "\n"
}

type mdRenderer struct {
	b     strings.Builder
	st    styles
	width int
	list  bool // the last block was a list item: items follow one another without a blank line
}

// block starts a block: one blank line after the last, except between
// items of one list.
func (r *mdRenderer) block(item bool) {
	if r.b.Len() > 0 && !(item && r.list) {
		r.b.WriteString("\n")
	}
	r.list = item
}

func (r *mdRenderer) heading(level int, text string) {
	r.block(false)
	style := r.st.bold
	prefix := strings.Repeat("#", level) + " "
	switch level {
	case 1:
		style, prefix = r.st.title.Underline(true), ""
	case 2:
		style = r.st.title
	}
	r.b.WriteString(wrap(style.Render(prefix+plainInline(text)), r.width) + "\n")
}

func (r *mdRenderer) paragraph(text string) {
	r.block(false)
	r.b.WriteString(wrap(r.inline(text), r.width) + "\n")
}

// item writes a list item: its marker, then its text (the lines after the
// first continue it) wrapped under itself.
func (r *mdRenderer) item(lines []string) {
	r.block(true)
	marker := listMarker(lines[0])
	text := strings.TrimSpace(lines[0][len(marker):])
	for _, l := range lines[1:] {
		text += " " + strings.TrimSpace(l)
	}
	bullet := "• "
	if marker != "- " && marker != "* " {
		bullet = marker
	}
	r.b.WriteString("  " + bullet + wrapAfter(r.inline(text), 2+ansi.StringWidth(bullet), r.width) + "\n")
}

// table lays a pipe table out in columns that fit the width: each column
// as wide as its widest cell, the widest ones narrowed (their cells
// wrapped) until the table fits. A table with too many columns for the
// width is written row by row, each cell under its heading.
func (r *mdRenderer) table(lines []string) {
	r.block(false)
	var rows [][]string
	for i, l := range lines {
		cells := splitRow(l)
		if i == 1 && isRule(cells) {
			continue
		}
		for j, c := range cells {
			cells[j] = r.inline(c)
		}
		rows = append(rows, cells)
	}
	cols := 0
	for _, row := range rows {
		cols = max(cols, len(row))
	}
	if cols == 0 {
		return
	}
	widths := make([]int, cols)
	for _, row := range rows {
		for j, c := range row {
			widths[j] = max(widths[j], ansi.StringWidth(c))
		}
	}
	const gap = " │ "
	avail := r.width - (cols-1)*len([]rune(gap))
	for total(widths) > avail {
		widest := 0
		for j := range widths {
			if widths[j] > widths[widest] {
				widest = j
			}
		}
		if widths[widest] <= minColumn {
			r.records(rows)
			return
		}
		widths[widest]--
	}
	sep := r.st.muted.Render(gap)
	for i, row := range rows {
		cells := make([][]string, cols)
		height := 1
		for j := range cols {
			c := ""
			if j < len(row) {
				c = row[j]
			}
			if i == 0 {
				c = r.st.bold.Render(ansi.Strip(c))
			}
			cells[j] = strings.Split(ansi.Wrap(c, widths[j], ""), "\n")
			height = max(height, len(cells[j]))
		}
		for k := range height {
			parts := make([]string, cols)
			for j := range cols {
				s := ""
				if k < len(cells[j]) {
					s = cells[j][k]
				}
				parts[j] = pad(s, widths[j])
			}
			r.b.WriteString(strings.TrimRight(strings.Join(parts, sep), " ") + "\n")
		}
		if i == 0 {
			rule := make([]string, cols)
			for j, w := range widths {
				rule[j] = strings.Repeat("─", w)
			}
			r.b.WriteString(r.st.muted.Render(strings.Join(rule, "─┼─")) + "\n")
		}
	}
}

// minColumn is the narrowest a column gets before a table is written row
// by row instead.
const minColumn = 8

// records writes a table's rows one after another, each cell as
// "Heading: value", for a terminal too narrow for its columns.
func (r *mdRenderer) records(rows [][]string) {
	head := rows[0]
	for i, row := range rows[1:] {
		if i > 0 {
			r.b.WriteString("\n")
		}
		for j, c := range row {
			label := ""
			if j < len(head) {
				label = ansi.Strip(head[j]) + ": "
			}
			r.b.WriteString(wrapAfter(r.st.bold.Render(label)+c, 0, r.width) + "\n")
		}
	}
}

func total(ws []int) int {
	n := 0
	for _, w := range ws {
		n += w
	}
	return n
}

// headingLevel is the level of an ATX heading line ("## Title"), or 0.
func headingLevel(line string) int {
	n := 0
	for n < len(line) && n < 6 && line[n] == '#' {
		n++
	}
	if n == 0 || n >= len(line) || line[n] != ' ' {
		return 0
	}
	return n
}

// listMarker is a list item's marker with its space ("- ", "12. "), or "".
func listMarker(line string) string {
	if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") {
		return line[:2]
	}
	n := 0
	for n < len(line) && line[n] >= '0' && line[n] <= '9' {
		n++
	}
	if n > 0 && strings.HasPrefix(line[n:], ". ") {
		return line[:n+2]
	}
	return ""
}

// splitRow splits "| a | b \| c |" into its cells, keeping escaped pipes.
func splitRow(line string) []string {
	line = strings.TrimSpace(line)
	line = strings.TrimPrefix(line, "|")
	if strings.HasSuffix(line, "|") && !strings.HasSuffix(line, `\|`) {
		line = line[:len(line)-1]
	}
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(line); i++ {
		switch {
		case line[i] == '\\' && i+1 < len(line):
			cur.WriteString(line[i : i+2])
			i++
		case line[i] == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(line[i])
		}
	}
	return append(cells, strings.TrimSpace(cur.String()))
}

// isRule reports whether cells are a table's rule: "---", ":--:" and the like.
func isRule(cells []string) bool {
	for _, c := range cells {
		if strings.Trim(c, "-:") != "" || !strings.Contains(c, "-") {
			return false
		}
	}
	return true
}

// mdSpan is a run of text in one style.
type mdSpan struct {
	text             string
	strong, em, code bool
}

// inline renders a line of inline Markdown with the styles.
func (r *mdRenderer) inline(s string) string {
	var b strings.Builder
	for _, sp := range parseInline(s) {
		text := spanText(sp.text)
		style := lipgloss.NewStyle()
		switch {
		case sp.code:
			style = r.st.selected.UnsetBold()
		case sp.strong:
			style = r.st.bold
		}
		if sp.em {
			style = style.Italic(true)
		}
		b.WriteString(style.Render(text))
	}
	return b.String()
}

// plainInline is a line of inline Markdown as text, without its markup.
func plainInline(s string) string {
	var b strings.Builder
	for _, sp := range parseInline(s) {
		b.WriteString(sp.text)
	}
	return safetext.OneLine(b.String())
}

// spanText is a span's text safe to draw, its spaces kept: the report
// cleaned it already, and nothing reaches the terminal unchecked.
func spanText(s string) string {
	return strings.NewReplacer("\n", " ", "\t", " ").Replace(safetext.Clean(s))
}

// asciiPunctuation is what a backslash escapes in Markdown.
const asciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"

// parseInline splits inline Markdown into spans: `code` (any fence of
// backticks), **strong**, *emphasis* and _emphasis_, backslash escapes and
// the entities the report writer uses.
func parseInline(s string) []mdSpan {
	var out []mdSpan
	var cur strings.Builder
	strong, em := false, false
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, mdSpan{text: cur.String(), strong: strong, em: em})
			cur.Reset()
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && strings.IndexByte(asciiPunctuation, s[i+1]) >= 0:
			cur.WriteByte(s[i+1])
			i++
		case c == '&':
			if ent, ch, ok := entity(s[i:]); ok {
				cur.WriteString(ch)
				i += len(ent) - 1
			} else {
				cur.WriteByte(c)
			}
		case c == '`':
			n := 0
			for i+n < len(s) && s[i+n] == '`' {
				n++
			}
			fence := s[i : i+n]
			end := strings.Index(s[i+n:], fence)
			if end < 0 {
				cur.WriteString(fence)
				i += n - 1
				continue
			}
			flush()
			code := s[i+n : i+n+end]
			if len(code) >= 2 && code[0] == ' ' && code[len(code)-1] == ' ' && strings.Trim(code, " ") != "" {
				code = code[1 : len(code)-1]
			}
			out = append(out, mdSpan{text: code, code: true, strong: strong, em: em})
			i += n + end + n - 1
		case c == '*' && i+1 < len(s) && s[i+1] == '*':
			flush()
			strong = !strong
			i++
		case c == '*' || c == '_':
			flush()
			em = !em
		default:
			cur.WriteByte(c)
		}
	}
	flush()
	return out
}

// entity reads one of the entities the report writer writes, and a
// numeric one.
func entity(s string) (ent, char string, ok bool) {
	end := strings.IndexByte(s, ';')
	if end < 0 || end > 10 {
		return "", "", false
	}
	ent = s[:end+1]
	switch ent {
	case "&lt;":
		return ent, "<", true
	case "&gt;":
		return ent, ">", true
	case "&amp;":
		return ent, "&", true
	case "&quot;":
		return ent, `"`, true
	}
	if strings.HasPrefix(ent, "&#") {
		num := ent[2:end]
		base := 10
		if strings.HasPrefix(num, "x") || strings.HasPrefix(num, "X") {
			num, base = num[1:], 16
		}
		if n, err := strconv.ParseUint(num, base, 32); err == nil && n > 0 {
			return ent, string(rune(n)), true
		}
	}
	return "", "", false
}
