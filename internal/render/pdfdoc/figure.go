package pdfdoc

import (
	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/fonts"
)

// figure draws a picture and its caption on one page, in at most room
// points of height (figureRoom). A caption too long for that, even under
// the smallest drawing, runs on to the next page: the drawing and the
// caption's first line are all that must fit here. Asking room for the
// whole figure then started a page under the heading that had already
// started one for it, leaving the heading alone at the foot of that page.
func (p *pdf) figure(f *document.Figure, room float64) {
	d := f.Drawing
	scale, h := p.figureLayout(f, room)
	if h > room {
		h = d.Height*scale + captionGap + lineHeight(captionSize)
	}
	p.room(h)
	if !p.measuring {
		p.draw(d, marginX, p.cursor(), scale)
	}
	p.advance(d.Height*scale + captionGap)
	p.flow(plainText(f.Caption), captionSize, fonts.Sans, document.Muted, marginX, contentW, 0)
	p.advance(afterFigure)
}

// A caption is set small under its drawing, and space is left after it.
const (
	captionSize = 8.0
	captionGap  = 6.0
	afterFigure = 10.0
)

// minFigureHeight is the least height a drawing is shrunk to, whatever
// its caption takes: a caption near a page long (it is text from the
// report, not the writer's) flows on across pages instead (see figure).
const minFigureHeight = 72.0

// figureLayout is how a figure is set in at most room points of height:
// the scale of its drawing and the height of drawing and caption
// together. A drawing wider than the page body is scaled to its width,
// and one too tall for room is scaled down to fit it: drawn at its size
// it would start a page and run past its foot, its lower part lost.
func (p *pdf) figureLayout(f *document.Figure, room float64) (scale, height float64) {
	d := f.Drawing
	caption := p.layout(plainText(f.Caption), captionSize, fonts.Sans, document.Muted, contentW)
	below := captionGap + float64(len(caption))*lineHeight(captionSize) + afterFigure
	scale = min(1, contentW/d.Width)
	if fit := max(room-below, minFigureHeight); d.Height*scale > fit {
		scale = fit / d.Height
	}
	return scale, d.Height*scale + below
}

// draw sets a drawing's shapes with its top left corner at (x, y).
func (p *pdf) draw(d document.Drawing, x0, y0, scale float64) {
	f := p.pdf
	for _, s := range d.Shapes {
		x, y, w, h := x0+s.X*scale, y0+s.Y*scale, s.W*scale, s.H*scale
		switch s.Kind {
		case document.Box:
			f.SetFillColor(int(s.Fill.R), int(s.Fill.G), int(s.Fill.B))
			style := "F"
			if s.StrokeWidth > 0 {
				f.SetDrawColor(int(s.Stroke.R), int(s.Stroke.G), int(s.Stroke.B))
				f.SetLineWidth(s.StrokeWidth * scale)
				style = "FD"
			}
			f.Rect(x, y, w, h, style)
		case document.Line:
			f.SetDrawColor(int(s.Stroke.R), int(s.Stroke.G), int(s.Stroke.B))
			f.SetLineWidth(s.StrokeWidth * scale)
			f.Line(x, y, x+w, y+h)
		case document.Label:
			face := fonts.Sans
			if s.Bold {
				face = fonts.SansBold
			}
			size := s.Size * scale
			p.drawLine(x, y+h/2+size*0.36, plainText(s.Text), size, face, s.Ink, w, s.Align)
		}
	}
}
