package pdfdoc

import (
	"fmt"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/rendertest"
)

// A remediation plan whose first item has a long action (or a long owner
// or milestones) set its header row alone at the foot of a page, with the
// rows and the header again on the next: the table kept room for its
// header and three lines of the first row, then moved that row whole to
// the next page because it fits on one. Wherever the table starts on the
// page, the header now never ends a page without a row under it.
func TestTableHeaderNeverEndsAPageAlone(t *testing.T) {
	for _, reps := range []int{20, 60} {
		long := strings.Repeat("Reweight the training data for every group. ", reps)
		for filler := 18; filler <= 36; filler++ {
			d := &document.Document{Meta: document.Meta{Title: "T", Subject: "S", Date: "2026-12-07", State: "draft"}}
			d.Blocks = append(d.Blocks, &document.Heading{Level: 2, Text: document.Text{{Text: "Findings"}}})
			for i := range filler {
				d.Blocks = append(d.Blocks, &document.Paragraph{Text: document.Text{{Text: fmt.Sprintf("Filler line %d.", i+1)}}})
			}
			d.Blocks = append(d.Blocks, &document.Heading{Level: 2, Text: document.Text{{Text: "PlanHeading"}}}, &document.Table{
				Header: []document.Text{{{Text: "HeadFinding"}}, {{Text: "HeadAction"}}},
				Rows: [][]document.Text{
					{{{Text: "RowOne"}}, {{Text: long}}},
					{{{Text: "RowTwo"}}, {{Text: "Short."}}},
				},
			})
			out, err := Render(d)
			if err != nil {
				t.Fatal(err)
			}
			for i, page := range rendertest.PDFPages(t, out) {
				if strings.Contains(page, "HeadFinding") && !strings.Contains(page, "RowOne") && !strings.Contains(page, "RowTwo") {
					t.Errorf("with %d lines before the table, page %d ends with the table's header and no row under it:\n%s", filler, i+1, page)
				}
				if strings.Contains(page, "PlanHeading") && !strings.Contains(page, "RowOne") {
					t.Errorf("with %d lines before the table, page %d ends with the heading and no row of its table under it:\n%s", filler, i+1, page)
				}
			}
		}
	}
}
