package report

import (
	"strings"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/assess/safetext"
)

// Render writes the document as Markdown: every span escaped by itself,
// prose wrapped at 80 characters, figures as their fallback tables.
func Render(d *document.Document) string {
	var w doc
	// What the document is, above its title, as every format says it.
	w.para(document.TitlePageLabel)
	writeMarkdown(&w, d.Blocks)
	// Tables and headings cannot wrap (a heading is the whole subject or
	// title it names); every other line is kept within 80 characters. The
	// first line is that label, not the title's heading (MD041). No space
	// after column 80: the rule does not count a line it could not wrap.
	// A table cell's line breaks are <br> (tableCellBreaks), the only
	// HTML it writes.
	w.block(`<!-- markdownlint-configure-file {"MD013":{"tables":false,"headings":false},"MD041":false,"MD033":{"allowed_elements":["br"]}}-->`)
	return w.String()
}

func writeMarkdown(w *doc, blocks []document.Block) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *document.Heading:
			w.heading(b.Level, markdownText(b.Text.OneLine()))
		case *document.Paragraph:
			w.para(markdownText(b.Text))
		case *document.List:
			items := make([]string, len(b.Items))
			for i, it := range b.Items {
				items[i] = markdownText(it)
			}
			if b.Ordered {
				w.numbered(items...)
			} else {
				w.list(items...)
			}
		case *document.Table:
			writeMarkdownTable(w, b)
		case *document.Figure:
			if b.Fallback != nil {
				writeMarkdownTable(w, b.Fallback)
			}
		case *document.Group:
			writeMarkdown(w, b.Blocks)
		}
	}
}

func writeMarkdownTable(w *doc, t *document.Table) {
	header := make([]string, len(t.Header))
	for i, h := range t.Header {
		header[i] = markdownText(h.OneLine())
	}
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = make([]string, len(r))
		for j, c := range r {
			rows[i][j] = markdownText(tableCellBreaks(c))
		}
	}
	w.table(header, rows)
}

// tableCellBreaks is a cell's text, whose row is one line, with each line
// break in it written as a <br>, where GitHub, GitLab and markdown-it
// break the line, and a newline entity, where glamour (which drops HTML)
// does; twice between paragraphs. Neither can be typed, a user's "<" and
// "&" being escaped: the " / " written before read the same as a slash
// someone typed.
func tableCellBreaks(t document.Text) document.Text {
	if !t.HasBreak() {
		return t
	}
	out := make(document.Text, len(t))
	for i, s := range t {
		if s.Style == document.Break {
			n := strings.Count(s.Text, "\n")
			s.Text = strings.Repeat("<br>", n) + strings.Repeat("&#10;", n)
		}
		out[i] = s
	}
	return out
}

// markdownText escapes each span by itself and wraps runs of strong or
// emphasised spans in one pair of delimiters. A Break span stays a line
// break ("\n", or "\n\n" between paragraphs), which the writer's wrapping
// turns into a hard line break or a new paragraph; a line that cannot
// break is given the text's OneLine.
func markdownText(t document.Text) string {
	var b strings.Builder
	for i := 0; i < len(t); {
		s := t[i]
		switch s.Style {
		case document.Code:
			b.WriteString(Code(s.Text))
			i++
		case document.Break:
			b.WriteString(s.Text)
			i++
		case document.Strong, document.Emph:
			delim := "**"
			if s.Style == document.Emph {
				delim = "*"
			}
			b.WriteString(delim)
			for ; i < len(t) && t[i].Style == s.Style; i++ {
				b.WriteString(safetext.EscapeMarkdown(t[i].Text))
			}
			b.WriteString(delim)
		default:
			b.WriteString(safetext.EscapeMarkdown(s.Text))
			i++
		}
	}
	return b.String()
}
