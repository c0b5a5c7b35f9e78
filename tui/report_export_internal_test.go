package tui

import (
	"strings"
	"testing"
)

func TestExportFormatFromName(t *testing.T) {
	for in, want := range map[string]string{
		"a.md": "a.html", "a.html": "a.pdf", "a.PDF": "a.docx", "a.docx": "a.md", "a": "a.html", "a.txt": "a.txt.html",
		"a.htm": "a.pdf", "a.markdown": "a.html",
	} {
		if got := nextFormat(in); got != want {
			t.Errorf("nextFormat(%q) = %q, want %q", in, got, want)
		}
	}
	// .htm and .markdown name HTML and Markdown here as they do to assay
	// report -o: .htm was exported as Markdown.
	for in, want := range map[string]string{"x.pdf": "pdf", "x.DOCX": "docx", "x.htm": "html", "x.markdown": "md", "x": "md", "x.txt": "md", "x.html": "html"} {
		if got, err := exportFormat(in); string(got) != want || err != nil {
			t.Errorf("exportFormat(%q) = %q, %v, want %q", in, got, err, want)
		}
	}
}

// A name for a format the report is not written in is refused, saying
// which it is written in: acme.json and plan.csv got the Markdown report.
func TestExportRefusesANameForAnotherFormat(t *testing.T) {
	for in, want := range map[string]string{
		"acme.json": "acme.json is named for a JSON file, which the report's export does not write: it writes Markdown (.md), HTML (.html), PDF (.pdf) or DOCX (.docx)",
		"plan.csv":  "plan.csv is named for a CSV file, which the report's export does not write: it writes Markdown (.md), HTML (.html), PDF (.pdf) or DOCX (.docx)",
		"acme.xlsx": "acme.xlsx is named for an Excel file",
	} {
		_, err := exportFormat(in)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("exportFormat(%q): %v, want %q", in, err, want)
		}
	}
}
