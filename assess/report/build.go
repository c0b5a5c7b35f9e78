package report

import (
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/assess/safetext"
)

// builder collects the report's blocks as the sections produce them.
type builder struct {
	blocks []document.Block
	// group, when set, receives blocks instead of the document: the
	// blocks kept together on one page.
	group *document.Group
}

func (b *builder) add(bl document.Block) {
	if b.group != nil {
		b.group.Blocks = append(b.group.Blocks, bl)
		return
	}
	b.blocks = append(b.blocks, bl)
}

func (b *builder) heading(level int, t document.Text) {
	b.add(&document.Heading{Level: level, Text: t})
}

func (b *builder) para(t document.Text) { b.add(&document.Paragraph{Text: t}) }

func (b *builder) list(items ...document.Text) {
	if len(items) > 0 {
		b.add(&document.List{Items: items})
	}
}

func (b *builder) numbered(items ...document.Text) {
	if len(items) > 0 {
		b.add(&document.List{Ordered: true, Items: items})
	}
}

func (b *builder) table(header []document.Text, rows [][]document.Text) {
	b.add(&document.Table{Header: header, Rows: rows})
}

func (b *builder) figure(f *document.Figure) { b.add(f) }

// keepTogether sends the blocks that fill adds to one group.
func (b *builder) keepTogether(fill func()) {
	g := &document.Group{}
	b.group = g
	fill()
	b.group = nil
	b.add(g)
}

// txt builds a line of text from its parts: a string is our own words,
// set plain; a Span or a Text is added as it is. Text from users goes in
// through user, strong or code, which clean it.
func txt(parts ...any) document.Text {
	var t document.Text
	for _, p := range parts {
		switch p := p.(type) {
		case string:
			if p != "" {
				t = append(t, document.Span{Text: p})
			}
		case document.Span:
			t = append(t, p)
		case document.Text:
			t = append(t, p...)
		default:
			panic("report: txt takes strings, spans and texts")
		}
	}
	return t
}

// user is text from a user, a vendor or a file, on one line without
// escape sequences.
func user(s string) document.Span { return document.Span{Text: safetext.OneLine(s)} }

// strong sets its parts (as txt takes them) in bold.
func strong(parts ...any) document.Text {
	t := txt(parts...)
	for i := range t {
		t[i].Style = document.Strong
	}
	return t
}

// emph is our own words set in italics.
func emph(s string) document.Span { return document.Span{Text: s, Style: document.Emph} }

// code is an ID or a command, set as code.
func code(s string) document.Span {
	return document.Span{Text: safetext.OneLine(s), Style: document.Code}
}

// cells turns our own words into table cells: headers.
func cells(words ...string) []document.Text {
	out := make([]document.Text, len(words))
	for i, w := range words {
		out[i] = txt(w)
	}
	return out
}
