package tui

import "testing"

func TestExportFormatFromName(t *testing.T) {
	for in, want := range map[string]string{
		"a.md": "a.html", "a.html": "a.pdf", "a.PDF": "a.docx", "a.docx": "a.md", "a": "a.html", "a.txt": "a.txt.html",
	} {
		if got := nextFormat(in); got != want {
			t.Errorf("nextFormat(%q) = %q, want %q", in, got, want)
		}
	}
	for in, want := range map[string]string{"x.pdf": "pdf", "x.DOCX": "docx", "x.htm": "md", "x": "md", "x.html": "html"} {
		if got := string(exportFormat(in)); got != want {
			t.Errorf("exportFormat(%q) = %q, want %q", in, got, want)
		}
	}
}
