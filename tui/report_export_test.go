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

// An export never overwrites a file without asking: n keeps the file and
// goes back to the name, y overwrites it; a name where nothing is yet is
// written at once.
func TestReportExportAsksBeforeOverwriting(t *testing.T) {
	e, _ := payrollAnswered(t)
	path := filepath.Join(e.dir, "payroll-system-1-report.md")
	if err := os.WriteFile(path, []byte("the committee's annotated copy\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Payroll system")
	f.press("m")
	f.waitFor("[Report]")
	f.waitGone("Rendering…")
	f.press("e")
	f.waitFor("Export to:")
	f.press("enter")
	f.waitFor("Already there:", "y overwrites it, n keeps it")
	f.press("n")
	f.waitFor("Export to:")
	if got, _ := os.ReadFile(path); string(got) != "the committee's annotated copy\n" {
		t.Fatalf("the file changed before anyone said to overwrite it: %q", got)
	}
	f.press("enter")
	f.waitFor("Already there:")
	f.press("y")
	f.waitFor("Exported to")
	if got, _ := os.ReadFile(path); !bytes.HasPrefix(got, []byte("Committee report\n\n# Every question type: Payroll system")) {
		t.Errorf("y did not overwrite the file with the report: %.60q", got)
	}

	// Another name: written without a question.
	f.press("e")
	f.waitFor("Export to:")
	f.press("backspace", "backspace", "backspace")
	f.typeText(".txt")
	f.waitFor("report.txt")
	f.press("enter")
	f.waitFor("Exported to")
	f.quit()
	if _, err := os.Stat(filepath.Join(e.dir, "payroll-system-1-report.txt")); err != nil {
		t.Error(err)
	}
}

// A name for a format the report is not written in is refused before
// anything is written, saying which formats it is written in: acme.json
// got the Markdown report.
func TestReportExportRefusesANameForAnotherFormat(t *testing.T) {
	e, _ := payrollAnswered(t)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("m")
	f.waitFor("[Report]")
	f.waitGone("Rendering…")
	f.press("e")
	f.waitFor("Export to:")
	f.press("ctrl+u")
	f.typeText(filepath.Join(e.dir, "acme.json"))
	f.waitFor("acme.json")
	f.press("enter")
	f.waitFor("acme.json is", "named for a JSON file", "nothing was written")
	f.quit()
	if _, err := os.Stat(filepath.Join(e.dir, "acme.json")); err == nil {
		t.Error("acme.json was written")
	}
}
