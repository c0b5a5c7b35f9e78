// Package document is the committee report as structure: headings,
// paragraphs, lists, tables and figures, built once from an assessment and
// drawn by one renderer per format (Markdown, HTML, PDF, DOCX). Text in
// it is plain: every renderer escapes it for its own format, so no text
// from users can become markup in any of them.
package document

import "strings"

// Style is how a span of text is set.
type Style uint8

// The styles a report uses: plain prose, strong (labels, levels), emphasis
// (an unanswered question) and code (IDs, commands); Break is not a style
// but a break between the lines of a user's text (Span.Break).
const (
	Plain Style = iota
	Strong
	Emph
	Code
	Break
)

// Span is a run of text in one style. Its text is already cleaned of
// escape sequences and line breaks; a renderer only escapes it.
//
// A span of style Break holds LineBreak or ParagraphBreak and nothing
// else: the break between two lines, or two paragraphs, of a note, a
// reason or a comment someone wrote in several. Where the text is prose
// (a paragraph, a list item) a renderer breaks the line there, leaving a
// blank line between paragraphs where it can; where a line must stay one
// (a heading, a running header) it writes CellBreak. A Markdown table
// cell writes its own mark, which no typed text can be.
type Span struct {
	Text  string
	Style Style
}

// The texts of a Break span, and what stands for either on one line.
const (
	LineBreak      = "\n"
	ParagraphBreak = "\n\n"
	CellBreak      = " / "
)

// OneLine is the text with every break written as CellBreak: for a line
// that cannot break.
func (t Text) OneLine() Text {
	if !t.HasBreak() {
		return t
	}
	out := make(Text, len(t))
	for i, s := range t {
		if s.Style == Break {
			s = Span{Text: CellBreak}
		}
		out[i] = s
	}
	return out
}

// HasBreak reports whether the text holds a Break span.
func (t Text) HasBreak() bool {
	for _, s := range t {
		if s.Style == Break {
			return true
		}
	}
	return false
}

// Text is a line of prose: spans one after the other.
type Text []Span

// String is the text without its styles, as a reader would copy it.
func (t Text) String() string {
	var b strings.Builder
	for _, s := range t {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Block is one of Heading, Paragraph, List, Table, Figure or Group.
type Block interface{ isBlock() }

// Heading titles a part of the report: 1 the report, 2 a section, 3 a
// subsection.
type Heading struct {
	Level int
	Text  Text
}

// Paragraph is prose.
type Paragraph struct{ Text Text }

// List is a bulleted list, or a numbered one when Ordered.
type List struct {
	Ordered bool
	Items   []Text
}

// Table is a header row and rows of cells; every row has as many cells as
// the header. A renderer that breaks it across pages repeats the header.
type Table struct {
	Header []Text
	Rows   [][]Text
}

// Figure is a picture with its caption. Formats that show pictures draw
// Drawing; Markdown shows Fallback instead (nothing when it is nil), so
// that the Markdown report keeps its tables.
type Figure struct {
	Caption  string
	Drawing  Drawing
	Fallback *Table
}

// Group keeps blocks together on one page where the format has pages: the
// sign-off block is never split from its heading.
type Group struct{ Blocks []Block }

func (*Heading) isBlock()   {}
func (*Paragraph) isBlock() {}
func (*List) isBlock()      {}
func (*Table) isBlock()     {}
func (*Figure) isBlock()    {}
func (*Group) isBlock()     {}

// Meta names the report in running headers and footers and in a file's
// properties.
type Meta struct {
	Title   string // the report's title, as in its first heading
	Subject string // the vendor, system or dataset assessed
	Date    string // the report date, YYYY-MM-DD
	State   string // where the assessment stands: draft, in review, approved, rejected
}

// Document is the whole report. The blocks before the first level-2
// heading are its title block (a PDF sets them on a title page).
type Document struct {
	Meta   Meta
	Blocks []Block
}

// TitleBlock splits the blocks into the title block and the body.
func (d *Document) TitleBlock() (title, body []Block) {
	for i, b := range d.Blocks {
		if h, ok := b.(*Heading); ok && h.Level == 2 {
			return d.Blocks[:i], d.Blocks[i:]
		}
		if g, ok := b.(*Group); ok && len(g.Blocks) > 0 {
			if h, ok := g.Blocks[0].(*Heading); ok && h.Level == 2 {
				return d.Blocks[:i], d.Blocks[i:]
			}
		}
	}
	return d.Blocks, nil
}

// TitlePageLabel says what the document is, above the report's title in
// every format (on the title page of those that have one), so that they
// read the same.
const TitlePageLabel = "Committee report"
