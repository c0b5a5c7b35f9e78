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

// body is text someone may have written in lines or paragraphs (a note,
// evidence, an action, a reason, a comment): its lines as safetext.Lines
// reads them, each cleaned as user cleans it, with a Break span between
// two lines (document.LineBreak) or between two paragraphs
// (document.ParagraphBreak).
func body(s string) document.Text {
	var t document.Text
	paragraphEnds := false
	for _, line := range safetext.Lines(s) {
		switch {
		case line == "":
			paragraphEnds = true
			continue
		case paragraphEnds:
			t = append(t, document.Span{Text: document.ParagraphBreak, Style: document.Break})
		case len(t) > 0:
			t = append(t, document.Span{Text: document.LineBreak, Style: document.Break})
		}
		t = append(t, document.Span{Text: line})
		paragraphEnds = false
	}
	return t
}

// after is what parts the next label of an item from the text before it:
// a space, or a line break when that text ends a note written in lines,
// so that the label does not read as the note's last line.
func after(t document.Text) document.Span {
	if t.HasBreak() {
		return document.Span{Text: document.LineBreak, Style: document.Break}
	}
	return document.Span{Text: " "}
}

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
