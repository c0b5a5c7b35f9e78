package tui

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/assess/safetext"
)

// renderDocument lays the committee report out for a terminal width cells
// wide, one more renderer of report.Build's document beside Markdown,
// HTML, PDF and DOCX: headings, paragraphs, lists, tables (a figure as
// its table), strong, emphasised and code text.
//
// A general Markdown renderer (glamour, with its syntax highlighter and
// HTML sanitiser) drew this view before, and cost every assay command
// some 28 ms of package initialisation at start.
func renderDocument(d *document.Document, width int, st styles, ascii bool) string {
	r := &termRenderer{st: st, width: max(width, 20), ascii: ascii}
	r.blocks(d.Blocks)
	return strings.TrimRight(r.b.String(), "\n") + "\n"
}

type termRenderer struct {
	b     strings.Builder
	st    styles
	width int
	// ascii is a terminal whose locale is not UTF-8, where the workspace
	// draws every frame in ASCII (asciiFrame).
	ascii bool
}

func (r *termRenderer) blocks(blocks []document.Block) {
	for _, bl := range blocks {
		switch bl := bl.(type) {
		case *document.Heading:
			r.heading(bl.Level, bl.Text)
		case *document.Paragraph:
			r.start()
			r.b.WriteString(wrap(r.text(bl.Text), r.width) + "\n")
		case *document.List:
			r.list(bl)
		case *document.Table:
			r.table(bl)
		case *document.Figure:
			if bl.Fallback != nil {
				r.table(bl.Fallback)
			}
		case *document.Group:
			r.blocks(bl.Blocks)
		}
	}
}

// start starts a block, one blank line after the last.
func (r *termRenderer) start() {
	if r.b.Len() > 0 {
		r.b.WriteString("\n")
	}
}

func (r *termRenderer) heading(level int, t document.Text) {
	r.start()
	style := r.st.bold
	prefix := strings.Repeat("#", level) + " "
	switch level {
	case 1:
		style, prefix = r.st.title.Underline(true), ""
	case 2:
		style = r.st.title
	}
	r.b.WriteString(wrap(style.Render(prefix+r.spanText(t.OneLine().String())), r.width) + "\n")
}

// list writes each item after its bullet or number, wrapped under itself.
func (r *termRenderer) list(l *document.List) {
	r.start()
	for i, it := range l.Items {
		bullet := "• "
		if l.Ordered {
			bullet = strconv.Itoa(i+1) + ". "
		}
		r.b.WriteString("  " + bullet + wrapAfter(r.text(it), 2+ansi.StringWidth(bullet), r.width) + "\n")
	}
}

// text draws a line of prose in its styles.
func (r *termRenderer) text(t document.Text) string {
	var b strings.Builder
	for _, sp := range t {
		if sp.Style == document.Break {
			// A line break in a user's text, or a blank line between
			// its paragraphs: the wrapping keeps both.
			b.WriteString(strings.Repeat("\n", strings.Count(sp.Text, "\n")))
			continue
		}
		text := r.spanText(sp.Text)
		switch sp.Style {
		case document.Strong:
			text = r.st.bold.Render(text)
		case document.Emph:
			if r.st.colourless {
				text = ownWordsOpen + text + ownWordsClose
			}
			text = r.st.muted.Italic(true).Render(text)
		case document.Code:
			text = r.st.selected.UnsetBold().Render(text)
		}
		b.WriteString(text)
	}
	return b.String()
}

// spanText is a span's text safe to draw, its spaces kept: the report
// cleaned it already, and nothing reaches the terminal unchecked.
func spanText(s string) string {
	return strings.NewReplacer("\n", " ", "\t", " ").Replace(safetext.Clean(s))
}

// ownWordsOpen and ownWordsClose stand around the report's own words
// (document.Emph: "none", "unassigned", "moved from …") in a terminal
// without colour, where its italics may not show and "none" read the
// same as a "none" someone typed.
const ownWordsOpen, ownWordsClose = "⟨", "⟩"

// typedMarks shows the marks of our words as round brackets in any other
// text, so that none can pass for our words. Only what is drawn changes.
var typedMarks = strings.NewReplacer(ownWordsOpen, "(", ownWordsClose, ")")

// asciiMarks escapes, in any text but our words, what an ASCII terminal
// draws our marks as: ⟨ and ⟩ are < and > there, which anyone can type.
// A typed <, > or backslash takes a backslash before it, as Go quotes a
// string, so that a bare < or > is only ever ours.
var asciiMarks = strings.NewReplacer(`\`, `\\`, "<", `\<`, ">", `\>`)

// spanText is spanText for this terminal: without colour, a typed mark
// of our words is drawn as a bracket (typedMarks), and in ASCII, where
// glyphs such as ≥ and → are drawn as < and > too, the text is drawn in
// ASCII here and its < and > escaped (asciiMarks).
func (r *termRenderer) spanText(s string) string {
	switch {
	case r.st.colourless && r.ascii:
		return asciiMarks.Replace(asciiFrame(typedMarks.Replace(spanText(s))))
	case r.st.colourless:
		return typedMarks.Replace(spanText(s))
	}
	return spanText(s)
}

// minColumn is the narrowest a column gets before a table is written row
// by row instead.
const minColumn = 8

// table lays a table out in columns that fit the width: each column as
// wide as its widest cell, the widest ones narrowed (their cells wrapped)
// until the table fits. A table with too many columns for the width is
// written row by row, each cell under its heading.
func (r *termRenderer) table(t *document.Table) {
	r.start()
	rows := make([][]string, 0, len(t.Rows)+1)
	head := make([]string, len(t.Header))
	for j, h := range t.Header {
		head[j] = r.st.bold.Render(r.spanText(h.OneLine().String()))
	}
	rows = append(rows, head)
	for _, row := range t.Rows {
		cells := make([]string, len(row))
		for j, c := range row {
			cells[j] = r.text(c)
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
			for _, l := range strings.Split(c, "\n") { // a note's lines
				widths[j] = max(widths[j], ansi.StringWidth(l), 1)
			}
		}
	}
	const gap = " │ "
	avail := r.width - (cols-1)*ansi.StringWidth(gap)
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

// records writes a table's rows one after another, each cell as
// "Heading: value", for a terminal too narrow for its columns.
func (r *termRenderer) records(rows [][]string) {
	head := rows[0]
	for i, row := range rows[1:] {
		if i > 0 {
			r.b.WriteString("\n")
		}
		for j, c := range row {
			label := ""
			if j < len(head) {
				label = head[j] + r.st.bold.Render(": ")
			}
			r.b.WriteString(wrapAfter(label+c, 0, r.width) + "\n")
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
