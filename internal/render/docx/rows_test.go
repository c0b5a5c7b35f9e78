package docx

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess/report/document"
	"github.com/assay-dev/assay/internal/render/rendertest"
)

// A table row is never cut by a page break: a committee member reading the
// printed plan saw an item's action end on the next page, under the
// repeated header, beside empty cells. Each row here is several lines
// tall, so that some would straddle a page; LibreOffice prints the DOCX,
// and each row's first and last words must be on one page. A row taller
// than a page still prints whole, over as many pages as it needs.
func TestTableRowsAreNotCutByPageBreaks(t *testing.T) {
	soffice := rendertest.Need(t, "soffice|libreoffice", "libreoffice-writer-nogui")
	filler := strings.Repeat("remediation words that wrap inside a narrow cell ", 6)
	var rows [][]document.Text
	for i := range 40 {
		rows = append(rows, []document.Text{
			{{Text: fmt.Sprintf("F%d", i)}},
			{{Text: fmt.Sprintf("start%02d %s end%02d", i, filler, i)}},
			{{Text: "owner"}},
		})
	}
	huge := strings.Repeat("a very long comment that goes on ", 500)
	rows = append(rows, []document.Text{{{Text: "F99"}}, {{Text: "start99 " + huge + " end99"}}, {{Text: "owner"}}})
	d := &document.Document{
		Meta: document.Meta{Title: "Rows", Subject: "Rows", Date: "2026-03-15", State: "draft"},
		Blocks: []document.Block{
			&document.Heading{Level: 1, Text: document.Text{{Text: "Rows"}}},
			&document.Heading{Level: 2, Text: document.Text{{Text: "Plan"}}},
			&document.Table{Header: []document.Text{{{Text: "Finding"}}, {{Text: "Action"}}, {{Text: "Owner"}}}, Rows: rows},
		},
	}
	out, err := Render(d)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "rows.docx")
	if err := os.WriteFile(in, out, 0o600); err != nil {
		t.Fatal(err)
	}
	rendertest.Run(t, soffice, "--headless", "--norestore", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, in)
	pdf, err := os.ReadFile(filepath.Join(dir, "rows.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	pages := rendertest.PDFPages(t, pdf)
	pageOf := func(word string) int {
		for i, p := range pages {
			if strings.Contains(p, word) {
				return i + 1
			}
		}
		return 0
	}
	for i := range 40 {
		start, end := pageOf(fmt.Sprintf("start%02d", i)), pageOf(fmt.Sprintf("end%02d", i))
		if start == 0 || end == 0 {
			t.Fatalf("row %d is not printed whole (start on page %d, end on page %d)", i, start, end)
		}
		if start != end {
			t.Errorf("row %d starts on page %d and ends on page %d", i, start, end)
		}
	}
	if n := strings.Count(strings.Join(pages, " "), "comment"); n != 500 || pageOf("start99") == 0 || pageOf("end99") == 0 {
		t.Errorf("a row taller than a page is not printed whole: %d of its 500 comments, start on page %d, end on page %d", n, pageOf("start99"), pageOf("end99"))
	}
}
