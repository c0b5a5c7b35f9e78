package tui_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// e offers every committee format: tab steps the file's extension through
// them, and the file is written in the format its name asks for.
func TestReportExportOffersFormats(t *testing.T) {
	e, _ := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("m")
	f.waitFor("[Report]", "Markdown, HTML, PDF or DOCX")
	f.waitGone("Rendering…")
	f.press("e")
	f.waitFor("Export to:", "next format")
	f.press("tab")
	f.waitFor("report.html")
	f.press("tab")
	f.waitFor("report.pdf")
	f.press("enter")
	f.waitFor("Exported to")
	f.quit()

	path := filepath.Join(e.dir, "payroll-system-1-report.pdf")
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(got, []byte("%PDF-")) {
		t.Errorf("%s is not a PDF: %.12q", path, got)
	}
}
