package pdfdoc

import (
	"fmt"
	"testing"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/rendertest"
)

// tallFigure is a figure h points high with a label at its top and one at
// its foot, so that a test can see where both landed.
func tallFigure(h float64) *document.Figure {
	ink := document.Color{}
	return &document.Figure{Caption: "FigCaption", Drawing: document.Drawing{
		Width: document.FigureWidth, Height: h,
		Shapes: []document.Shape{
			{Kind: document.Box, W: document.FigureWidth, H: h, Fill: document.Color{R: 0xF4, G: 0xF6, B: 0xF8}},
			{Kind: document.Label, X: 8, Y: 4, W: 200, H: 14, Text: "FigTop", Size: 9, Ink: ink},
			{Kind: document.Label, X: 8, Y: h - 18, W: 200, H: 14, Text: "FigFoot", Size: 9, Ink: ink},
		},
	}}
}

// A heading kept room for at most 120 points of the figure under it, so a
// taller figure (the plan's timeline, the risk map) moved to the next page
// and left its heading alone at the foot of this one. Wherever the heading
// falls on the page, it now starts the page its figure is drawn on, and a
// figure taller than a page body is drawn smaller, whole on one page under
// its heading, never running past the page's foot.
func TestHeadingKeptWithItsFigure(t *testing.T) {
	body := contentBottom - marginTop
	for _, h := range []float64{200, 606, body - 20, 900} {
		for filler := 0; filler <= 38; filler++ {
			d := &document.Document{Meta: document.Meta{Title: "T", Subject: "S", Date: "2026-12-07", State: "draft"}}
			d.Blocks = append(d.Blocks, &document.Heading{Level: 2, Text: document.Text{{Text: "Findings"}}})
			for i := range filler {
				d.Blocks = append(d.Blocks, &document.Paragraph{Text: document.Text{{Text: fmt.Sprintf("Filler line %d.", i+1)}}})
			}
			d.Blocks = append(d.Blocks, &document.Heading{Level: 3, Text: document.Text{{Text: "FigHeading"}}}, tallFigure(h),
				&document.Paragraph{Text: document.Text{{Text: "AfterFigure"}}})
			out, err := Render(d)
			if err != nil {
				t.Fatal(err)
			}
			pages := rendertest.PDFWords(t, out)
			found := false
			for i, page := range pages {
				head, ok := rendertest.FindWord(page, "FigHeading")
				if !ok {
					continue
				}
				found = true
				where := fmt.Sprintf("a figure %.0f points high after %d lines: page %d", h, filler, i+1)
				top, okTop := rendertest.FindWord(page, "FigTop")
				foot, okFoot := rendertest.FindWord(page, "FigFoot")
				caption, okCaption := rendertest.FindWord(page, "FigCaption")
				if !okTop || !okFoot || !okCaption {
					t.Errorf("%s has the heading but not the whole figure under it (top %v, foot %v, caption %v)", where, okTop, okFoot, okCaption)
					continue
				}
				if !(head.YMax <= top.YMin && top.YMax <= foot.YMin && foot.YMax <= caption.YMin) {
					t.Errorf("%s: heading, figure top, figure foot and caption are not in that order down the page: %v %v %v %v", where, head, top, foot, caption)
				}
				if caption.YMax > contentBottom {
					t.Errorf("%s: the caption ends at %.1f, below the page body's foot at %.1f", where, caption.YMax, contentBottom)
				}
			}
			if !found {
				t.Errorf("a figure %.0f points high after %d lines: no page has its heading", h, filler)
			}
		}
	}
}
