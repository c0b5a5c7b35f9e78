package pdfdoc

import (
	"fmt"
	"testing"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/rendertest"
)

// Guard: the timeline's words, as poppler reads them from the PDF, lie
// inside the panel's margin (8 points in from each side of a panel drawn
// from the page body's left edge at its own size), when every due date
// comes before the assessment and the assessment's line is at the right
// end of the track; document.TestTimelineLabelsStayInsideThePanel holds
// the boxes there, this the text the PDF draws in them.
func TestTimelineTextStaysInsideItsPanel(t *testing.T) {
	var dues []document.Due
	for i, day := range []int{-400, -250, -100} {
		dues = append(dues, document.Due{Day: day, Date: fmt.Sprintf("2025-%02d-01", i+1),
			Items: []string{fmt.Sprintf("F%d", i+1)}, Overdue: true, Tone: document.Warning})
	}
	for _, today := range []int{0, -30} {
		drawing := document.Timeline("2026-01-01", today, "2026-01-31", dues)
		d := &document.Document{Meta: document.Meta{Title: "T", Subject: "S", Date: "2026-01-31", State: "draft"}}
		d.Blocks = append(d.Blocks, &document.Heading{Level: 2, Text: document.Text{{Text: "Plan"}}},
			&document.Figure{Caption: "Caption", Drawing: drawing})
		out, err := Render(d)
		if err != nil {
			t.Fatal(err)
		}
		pages := rendertest.PDFWords(t, out)
		page := pages[len(pages)-1]
		caption, ok := rendertest.FindWord(page, "Caption")
		if !ok {
			t.Fatal("no caption on the last page")
		}
		plan, _ := rendertest.FindWord(page, "Plan")
		left, right := marginX+8, marginX+drawing.Width-8
		seen := 0
		for _, w := range page {
			if w.YMin <= plan.YMax || w.YMax > caption.YMin {
				continue // the running header, the heading, the caption and the footer
			}
			seen++
			if w.XMin < left || w.XMax > right {
				t.Errorf("report date on day %d: %q runs from x = %.1f to %.1f, outside the panel's margin, %.1f to %.1f", today, w.Text, w.XMin, w.XMax, left, right)
			}
		}
		if seen < 8 { // three dates, three items, "assessed", the report date
			t.Errorf("report date on day %d: only %d words read in the timeline", today, seen)
		}
	}
}
