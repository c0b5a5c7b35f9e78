package pdfdoc

import (
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/rendertest"
)

// A title too long for the footer is shortened in a few layouts, not one
// per character cut: a questionnaire titled with 100,000 characters made
// each page's footer lay the title out again for every character it
// dropped, and a report of a few pages ran for over ten minutes.
func TestLongTitleShortenedQuickly(t *testing.T) {
	long := strings.Repeat("x", 100_000)
	doc := &document.Document{
		Meta: document.Meta{Title: long, Subject: "Acme", Date: "2026-03-15", State: "draft"},
		Blocks: []document.Block{
			&document.Heading{Level: 1, Text: document.Text{{Text: "Report"}}},
			&document.Paragraph{Text: document.Text{{Text: "One page of text."}}},
		},
	}
	start := time.Now()
	out, err := Render(doc)
	if err != nil {
		t.Fatal(err)
	}
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("rendering took %v", took)
	}
	for i, page := range rendertest.PDFPages(t, out) {
		if !strings.Contains(page, "xxx…") {
			t.Errorf("page %d does not end the title with an ellipsis", i+1)
		}
	}
}
