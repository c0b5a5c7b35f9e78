package pdfdoc

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/fonts"
	"github.com/assay-dev/assay/internal/render/rendertest"
)

// A title too long for the footer is shortened in a few layouts, not one
// per character cut: a questionnaire titled with 100,000 characters made
// each page's footer lay the title out again for every character it
// dropped, and a report of a few pages ran for over ten minutes. The
// layouts are counted rather than the time taken, which a busy machine
// stretches.
func TestLongTitleShortenedQuickly(t *testing.T) {
	long := strings.Repeat("x", 100_000)
	p, err := newPDF(document.Meta{Title: long})
	if err != nil {
		t.Fatal(err)
	}
	const size, width = 8.0, 300.0
	face, ink := fonts.Faces[0], document.Color{}
	l := p.shorten(document.Text{{Text: long}}, size, face, ink, width)
	if p.layouts > 40 {
		t.Errorf("shortening a 100,000-character line laid it out %d times; a few dozen at most are needed", p.layouts)
	}
	got := ""
	for _, pc := range l {
		got += pc.text
	}
	kept := strings.TrimSuffix(got, "…")
	if kept == got || strings.Trim(kept, "x") != "" || kept == "" {
		t.Fatalf("shortened to %q, want a run of x and an ellipsis", got)
	}
	if l.width() > width {
		t.Errorf("the shortened line is %.1f wide, more than %.0f", l.width(), width)
	}
	longer := p.layout(document.Text{{Text: kept + "x…"}}, size, face, ink, 1e9)[0]
	if longer.width() <= width {
		t.Errorf("one more character (%d) would still fit: the line was cut shorter than it had to be", len(kept)+1)
	}
}

// Every page of a report whose questionnaire has such a title ends the
// title in its footer with an ellipsis.
func TestLongTitleEndsEveryFooterWithAnEllipsis(t *testing.T) {
	doc := &document.Document{
		Meta: document.Meta{Title: strings.Repeat("x", 100_000), Subject: "Acme", Date: "2026-03-15", State: "draft"},
		Blocks: []document.Block{
			&document.Heading{Level: 1, Text: document.Text{{Text: "Report"}}},
			&document.Paragraph{Text: document.Text{{Text: "One page of text."}}},
		},
	}
	out, err := Render(doc)
	if err != nil {
		t.Fatal(err)
	}
	for i, page := range rendertest.PDFPages(t, out) {
		if !strings.Contains(page, "xxx…") {
			t.Errorf("page %d does not end the title with an ellipsis", i+1)
		}
	}
}
