package pdfdoc

import (
	"strconv"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/fonts"
)

// Type sizes, in points.
const (
	bodySize  = 9.5
	tableSize = 8.2
)

var headingSize = map[int]float64{1: 20, 2: 15, 3: 11.5}

// cursor is where the next block starts.
func (p *pdf) cursor() float64 {
	if p.measuring {
		return p.y
	}
	return p.pdf.GetY()
}

func (p *pdf) advance(h float64) {
	if p.measuring {
		p.y += h
		return
	}
	p.pdf.SetY(p.pdf.GetY() + h)
}

// room starts a new page unless h more points fit on this one.
func (p *pdf) room(h float64) bool {
	if p.measuring || p.cursor()+h <= contentBottom {
		return false
	}
	p.newPage()
	return true
}

func (p *pdf) newPage() {
	p.pdf.AddPage()
	p.pdf.SetY(marginTop)
}

// height lays blocks out without drawing them and returns their height.
func (p *pdf) height(bs []document.Block) float64 {
	was, wasY := p.measuring, p.y
	p.measuring, p.y = true, 0
	p.blocks(bs)
	h := p.y
	p.measuring, p.y = was, wasY
	return h
}

func (p *pdf) blocks(bs []document.Block) {
	for i, b := range bs {
		switch b := b.(type) {
		case *document.Heading:
			// A heading stays with the start of what it heads (firstHeight):
			// kept to a fixed height it stayed behind, alone at the foot of
			// the page, whenever what followed began on the next.
			next := 0.0
			if i+1 < len(bs) {
				next = p.firstHeight(b, bs[i+1])
			}
			p.heading(b, next)
		case *document.Paragraph:
			p.flow(b.Text, bodySize, fonts.Sans, document.Ink, marginX, contentW, 0)
			p.advance(6)
		case *document.List:
			p.list(b)
		case *document.Table:
			p.table(b)
		case *document.Figure:
			p.figure(b, p.figureRoom(bs[:i]))
		case *document.Group:
			if h := p.height(b.Blocks); !p.measuring && h <= contentBottom-marginTop {
				p.room(h)
			}
			p.blocks(b.Blocks)
		}
	}
}

// firstHeight is how much of a block must follow its heading on the same
// page: a figure whole (drawn smaller when it and its heading are taller
// than a page body, see figureRoom), a table's header and first row, a
// line of text.
func (p *pdf) firstHeight(h *document.Heading, b document.Block) float64 {
	switch b := b.(type) {
	case *document.Figure:
		_, fh := p.figureLayout(b, contentBottom-marginTop-p.headingHeight(h))
		return fh
	case *document.Table:
		return p.tableStart(b, p.columnWidths(b))
	case *document.Group:
		return 0 // the group places itself
	}
	return 3 * lineHeight(bodySize)
}

// figureRoom is the most height a figure may take: a page body, less its
// heading's when one comes just before it, so that both fit on one page.
func (p *pdf) figureRoom(before []document.Block) float64 {
	room := contentBottom - marginTop
	if len(before) > 0 {
		if h, ok := before[len(before)-1].(*document.Heading); ok {
			room -= p.headingHeight(h)
		}
	}
	return room
}

// headingHeight is the most height a heading takes: the space above it
// (left out at the top of a page), its lines and the space below.
func (p *pdf) headingHeight(h *document.Heading) float64 {
	size := headingSize[h.Level]
	if size == 0 {
		size = bodySize
	}
	lines := p.layout(h.Text.OneLine(), size, fonts.SansBold, document.Ink, contentW)
	return size*0.9 + float64(len(lines))*lineHeight(size) + 4
}

func (p *pdf) heading(h *document.Heading, keep float64) {
	h = &document.Heading{Level: h.Level, Text: h.Text.OneLine()}
	size := headingSize[h.Level]
	if size == 0 {
		size = bodySize
	}
	// Never more than a page holds: asked for more, room would start
	// a page and then another.
	p.room(min(p.headingHeight(h)+keep, contentBottom-marginTop))
	if p.cursor() > marginTop+1 {
		p.advance(size * 0.9)
	}
	if !p.measuring && h.Level <= 3 {
		p.pdf.SetFont(fonts.Sans.Name(), "", size)
		p.pdf.Bookmark(pdfText(h.Text.String()), max(h.Level-1, 0), -1)
	}
	p.flow(h.Text, size, fonts.SansBold, document.Ink, marginX, contentW, 0)
	if h.Level == 2 && !p.measuring {
		p.rule(marginX, p.cursor()+1, pageW-marginX, 0.6, document.Track)
	}
	p.advance(4)
}

func (p *pdf) list(l *document.List) {
	const gutter = 16.0
	for i, it := range l.Items {
		marker := "•"
		if l.Ordered {
			marker = strconv.Itoa(i+1) + "."
		}
		lines := p.layout(it, bodySize, fonts.Sans, document.Ink, contentW-gutter)
		lh := lineHeight(bodySize)
		for n, ln := range lines {
			p.room(lh)
			y := p.cursor() + bodySize
			if n == 0 {
				p.drawLine(marginX, y, plainText(marker), bodySize, fonts.Sans, document.Ink, gutter-3, document.Right)
			}
			p.drawPieces(marginX+gutter, y, ln)
			p.advance(lh)
		}
		p.advance(1.5)
	}
	p.advance(5)
}
