package pdfdoc

import (
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/fonts"
)

const cellPad = 3.5

var (
	headerFill = document.Color{R: 0xEC, G: 0xEF, B: 0xF1}
	cellRule   = document.Color{R: 0xB0, G: 0xBE, B: 0xC5}
)

// table draws a table that breaks across pages with its header row
// repeated on each; a row taller than a page continues on the next, its
// cells cut between lines, so no text is lost or runs off the page.
func (p *pdf) table(t *document.Table) {
	widths := p.columnWidths(t)
	lh := lineHeight(tableSize)
	header := p.layoutRow(t.Header, fonts.SansBold, widths)
	headerH := rowHeight(header)
	p.room(p.tableStart(t, widths))
	p.drawRow(header, widths, 0, maxLines(header), true)
	for _, r := range t.Rows {
		cells := p.layoutRow(r, fonts.Sans, widths)
		n := maxLines(cells)
		if h := rowHeight(cells); h <= contentBottom-marginTop-headerH && p.room(h) {
			p.drawRow(header, widths, 0, maxLines(header), true)
		}
		for from := 0; from < n; {
			fit := int((contentBottom - p.cursor() - 2*cellPad) / lh)
			if p.measuring {
				fit = n
			}
			if fit < 1 {
				p.newPage()
				p.drawRow(header, widths, 0, maxLines(header), true)
				continue
			}
			to := min(n, from+fit)
			p.drawRow(cells, widths, from, to, false)
			from = to
		}
	}
	p.advance(8)
}

// tableStart is how much of a table must be on the page it starts on:
// its header and its first row, which the rows below keep whole when it
// fits on a page, or, for a row taller than a page, which is cut between
// lines anyway, three lines of it. Asking less left the header alone at
// the foot of a page when the first row moved to the next one.
func (p *pdf) tableStart(t *document.Table, widths []float64) float64 {
	header := p.layoutRow(t.Header, fonts.SansBold, widths)
	h := rowHeight(header)
	if len(t.Rows) == 0 {
		return h
	}
	first := rowHeight(p.layoutRow(t.Rows[0], fonts.Sans, widths))
	if first > contentBottom-marginTop-h {
		first = 3*lineHeight(tableSize) + 2*cellPad
	}
	return h + first
}

func (p *pdf) layoutRow(cells []document.Text, face fonts.Face, widths []float64) [][]line {
	out := make([][]line, len(widths))
	for i := range widths {
		var t document.Text
		if i < len(cells) {
			t = cells[i]
		}
		out[i] = p.layout(t, tableSize, face, document.Ink, widths[i]-2*cellPad)
	}
	return out
}

func maxLines(cells [][]line) int {
	n := 1
	for _, c := range cells {
		n = max(n, len(c))
	}
	return n
}

func rowHeight(cells [][]line) float64 {
	return float64(maxLines(cells))*lineHeight(tableSize) + 2*cellPad
}

// drawRow draws lines [from, to) of each cell as one row of cells.
func (p *pdf) drawRow(cells [][]line, widths []float64, from, to int, header bool) {
	h := float64(to-from)*lineHeight(tableSize) + 2*cellPad
	if !p.measuring {
		y := p.cursor()
		x := marginX
		p.pdf.SetDrawColor(int(cellRule.R), int(cellRule.G), int(cellRule.B))
		p.pdf.SetLineWidth(0.5)
		style := "D"
		if header {
			p.pdf.SetFillColor(int(headerFill.R), int(headerFill.G), int(headerFill.B))
			style = "FD"
		}
		for i, w := range widths {
			p.pdf.Rect(x, y, w, h, style)
			for k := from; k < to && k < len(cells[i]); k++ {
				p.drawPieces(x+cellPad, y+cellPad+float64(k-from)*lineHeight(tableSize)+tableSize, cells[i][k])
			}
			x += w
		}
	}
	p.advance(h)
}

// columnWidths shares the page's width between the columns by their
// longest word (up to a limit; longer words break) and their whole text.
func (p *pdf) columnWidths(t *document.Table) []float64 {
	n := len(t.Header)
	minW := make([]float64, n)
	maxW := make([]float64, n)
	const wordCap = 110.0
	measure := func(cells []document.Text, face fonts.Face) {
		for i := 0; i < n && i < len(cells); i++ {
			for _, tk := range p.tokens(cells[i], tableSize, face, document.Ink) {
				w := 0.0
				for _, pc := range tk.pieces {
					w += pc.width
				}
				minW[i] = max(minW[i], min(w, wordCap)+2*cellPad)
			}
			maxW[i] = max(maxW[i], min(p.width(cells[i], tableSize, face), contentW)+2*cellPad)
		}
	}
	measure(t.Header, fonts.SansBold)
	for _, r := range t.Rows {
		measure(r, fonts.Sans)
	}
	return document.ShareWidth(minW, maxW, contentW)
}
