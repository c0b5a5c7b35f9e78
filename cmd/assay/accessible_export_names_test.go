package main

import (
	"os"
	"path/filepath"
	"testing"
)

// Accessible mode reads a file name's extension as assay report -o and
// the workspace's export read it (README, "The file's name and the
// format"): it looked only for md, html, pdf and docx, so the PDF report
// was written into r.htm (an HTML file's name) and the HTML report into
// r.json and r.xlsx. A name for a format the export never writes is
// refused in the workspace's words; one for another of its formats says
// which to name or choose.
func TestAccessibleExportReadsTheNameAsTheCommandLineDoes(t *testing.T) {
	s := newAccessibleSession(t)
	out := s.drive(
		"1", "4", // assessment 1, write its report
		"3", "r.htm", // PDF, under an HTML file's name
		"b", "2", "r.json", "r.xlsx", // HTML, under names no export writes
		"b", "b", "q",
	)
	s.says(out,
		"Not written: r.htm is named for an HTML file, but the report is PDF: name it .pdf, or choose HTML.",
		"Not written: r.json is named for a JSON file, which the report's export does not write: it writes Markdown (.md), HTML (.html), PDF (.pdf) or DOCX (.docx).",
		"Not written: r.xlsx is named for an Excel file, which the report's export does not write: it writes Markdown (.md), HTML (.html), PDF (.pdf) or DOCX (.docx).",
	)
	for _, name := range []string{"r.htm", "r.json", "r.xlsx"} {
		if _, err := os.Stat(filepath.Join(s.dir, name)); err == nil {
			t.Errorf("%s was written", name)
		}
	}
}
