package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// In accessible mode the committee report is written to a file, its
// format and path asked, under the checks of assay report -o: a folder
// that is not there is named, the database is never written over, a file
// already there is replaced only when the user says so, and a name for
// another format is refused.
func TestAccessibleExport(t *testing.T) {
	s := newAccessibleSession(t)
	html := filepath.Join(s.dir, "acme.html")
	if err := os.WriteFile(html, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := s.drive(
		"1", "4", // assessment 1, write its report
		"2", // HTML
		filepath.Join(s.dir, "missing", "r.html"), // no such folder
		s.db,                          // the database itself
		filepath.Join(s.dir, "r.pdf"), // named for another format
		html, "",                      // already there: Enter keeps it, asked again
		html, "y", // overwritten
		"4", "1", "", // Markdown at the default name
		"q",
	)
	s.says(out,
		"Write the report of assessment 1, Acme Cloud Ltd, to a file. Formats: 1 Markdown, 2 HTML, 3 PDF, 4 DOCX. Type a format's number, or b to go back to assessment 1's choices:",
		"File name for the HTML report: type a path (a name without a folder is written in "+s.dir+"; ~/ is your home folder), press Enter alone for "+filepath.Join(s.dir, "acme-cloud-ltd-1-report.html")+", or type b alone to choose another format:",
		"Not written: ",
		filepath.Join(s.dir, "missing"),
		"r.pdf is named for a PDF file, but the report is HTML: name it .html, or choose PDF.",
		"There is already a file at "+html+". Type y to write over it, or n or Enter alone to choose another name:",
		"Written: the HTML report of assessment 1 is the file "+html+".",
		"Written: the Markdown report of assessment 1 is the file "+filepath.Join(s.dir, "acme-cloud-ltd-1-report.md")+".",
	)
	if strings.Count(out, "Not written: ") != 4 || !strings.Contains(out, "Not written: "+html+" is kept as it was.") {
		t.Errorf("want four refusals (missing folder, the database, another format, the file kept):\n%s", out)
	}
	got, err := os.ReadFile(html)
	if err != nil || !strings.Contains(string(got), "<html") || !strings.Contains(string(got), "Acme Cloud Ltd") {
		t.Errorf("the HTML report was not written over the old file: %v\n%.200s", err, got)
	}
	if md, err := os.ReadFile(filepath.Join(s.dir, "acme-cloud-ltd-1-report.md")); err != nil || !strings.Contains(string(md), "Acme Cloud Ltd") {
		t.Errorf("the Markdown report: %v", err)
	}
	if _, err := os.Stat(filepath.Join(s.dir, "r.pdf")); err == nil {
		t.Errorf("a file named for another format was written")
	}
	if s.assessment(1).Subject != "Acme Cloud Ltd" {
		t.Errorf("the database was damaged")
	}
}
