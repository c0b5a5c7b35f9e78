package pdfdoc

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/rendertest"
)

// captioned is tallFigure with a caption of words words: CapStart,
// then capword, then CapEnd, so that a test can see where the caption
// begins and ends and that no line of it is lost.
func captioned(h float64, words int) *document.Figure {
	f := tallFigure(h)
	f.Caption = "CapStart " + strings.Repeat("capword ", words-2) + "CapEnd"
	return f
}

// A caption is report text, so it may be nearly a page long or longer.
// The drawing is never shrunk below minFigureHeight, so heading, drawing
// and caption were then taller than what the page had left under the
// heading: the heading kept the page and the figure began the next,
// leaving the heading alone at the page's foot. The heading now starts
// the page whenever heading, drawing and caption do not fit on the rest
// of this one; when they do not fit on a whole page, the caption runs on
// to the next page, never the drawing away from its heading.
func TestHeadingKeptWithItsFigureWhateverItsCaption(t *testing.T) {
	// capword is about 35 points wide set at 8 points with a space,
	// so about 14 to a line of the page body: 700 words are about 50
	// lines (550 points), 900 about 64 (a page body), 1800 two pages.
	for _, words := range []int{700, 780, 840, 900, 1000, 1800} {
		for filler := 0; filler <= 38; filler += 2 {
			d := &document.Document{Meta: document.Meta{Title: "T", Subject: "S", Date: "2026-12-07", State: "draft"}}
			d.Blocks = append(d.Blocks, &document.Heading{Level: 2, Text: document.Text{{Text: "Findings"}}})
			for i := range filler {
				d.Blocks = append(d.Blocks, &document.Paragraph{Text: document.Text{{Text: fmt.Sprintf("Filler line %d.", i+1)}}})
			}
			d.Blocks = append(d.Blocks, &document.Heading{Level: 3, Text: document.Text{{Text: "FigHeading"}}}, captioned(200, words),
				&document.Paragraph{Text: document.Text{{Text: "AfterFigure"}}})
			out, err := Render(d)
			if err != nil {
				t.Fatal(err)
			}
			pages := rendertest.PDFWords(t, out)
			where := fmt.Sprintf("a caption of %d words after %d lines", words, filler)
			headPage, endPage := -1, -1
			for i, page := range pages {
				if _, ok := rendertest.FindWord(page, "FigHeading"); ok {
					headPage = i
				}
				if _, ok := rendertest.FindWord(page, "CapEnd"); ok {
					endPage = i
				}
				for _, w := range page {
					if strings.HasPrefix(w.Text, "cap") && w.YMax > contentBottom {
						t.Errorf("%s: a line of the caption on page %d ends at %.1f, below the page body's foot at %.1f", where, i+1, w.YMax, contentBottom)
						break
					}
				}
			}
			if headPage < 0 || endPage < 0 {
				t.Errorf("%s: the heading (page %d) or the caption's end (page %d) is missing", where, headPage+1, endPage+1)
				continue
			}
			page := pages[headPage]
			head, _ := rendertest.FindWord(page, "FigHeading")
			top, okTop := rendertest.FindWord(page, "FigTop")
			foot, okFoot := rendertest.FindWord(page, "FigFoot")
			start, okStart := rendertest.FindWord(page, "CapStart")
			if !okTop || !okFoot || !okStart {
				t.Errorf("%s: page %d has the heading but not the drawing and the caption's start under it (top %v, foot %v, caption %v)", where, headPage+1, okTop, okFoot, okStart)
				continue
			}
			if !(head.YMax <= top.YMin && top.YMax <= foot.YMin && foot.YMax <= start.YMin) {
				t.Errorf("%s: heading, drawing top, drawing foot and caption are not in that order down page %d: %v %v %v %v", where, headPage+1, head, top, foot, start)
			}
			// A caption broken across pages is one that no page could
			// hold with its heading and drawing: it must have had a
			// whole page, so the heading starts it.
			if endPage > headPage && head.YMin > marginTop+headingSize[3] {
				t.Errorf("%s: the caption runs on from page %d to page %d, yet its heading starts %.1f points down the page, not at its top", where, headPage+1, endPage+1, head.YMin)
			}
		}
	}
}
