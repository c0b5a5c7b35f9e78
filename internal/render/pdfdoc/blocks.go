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
			// A heading stays with the start of what it heads. A table
			// starts with its header and first row whatever their height
			// (tableStart), so its heading keeps room for all of that:
			// kept to 120 points it stayed behind, alone at the foot of
			// the page, when the table began on the next.
			next := 0.0
			if i+1 < len(bs) {
				next = p.firstHeight(bs[i+1])
				if _, table := bs[i+1].(*document.Table); !table {
					next = min(next, 120)
				}
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
			p.figure(b)
		case *document.Group:
			if h := p.height(b.Blocks); !p.measuring && h <= contentBottom-marginTop {
				p.room(h)
			}
			p.blocks(b.Blocks)
		}
	}
}

// firstHeight is how much of a block must follow its heading on the same
// page: a figure whole, a table's header and first row, a line of text.
func (p *pdf) firstHeight(b document.Block) float64 {
	switch b := b.(type) {
	case *document.Figure:
		return p.height([]document.Block{b})
	case *document.Table:
		return p.tableStart(b, p.columnWidths(b))
	case *document.Group:
		return 0 // the group places itself
	}
	return 3 * lineHeight(bodySize)
}

func (p *pdf) heading(h *document.Heading, keep float64) {
	h = &document.Heading{Level: h.Level, Text: h.Text.OneLine()}
	size := headingSize[h.Level]
	if size == 0 {
		size = bodySize
	}
	above := size * 0.9
	lines := p.layout(h.Text, size, fonts.SansBold, document.Ink, contentW)
	total := above + float64(len(lines))*lineHeight(size) + 4
	// Never more than a page holds: asked for more, room would start
	// a page and then another.
	p.room(min(total+keep, contentBottom-marginTop))
	if p.cursor() > marginTop+1 {
		p.advance(above)
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
