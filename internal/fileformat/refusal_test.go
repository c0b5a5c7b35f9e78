package fileformat

import "testing"

// Each kind of refusal reads as one sentence, the name as typed, or
// quoted with what a terminal would act on written out, as Go's %q writes
// it (the bell as \a), so that the file meant can be found.
func TestRefusals(t *testing.T) {
	for _, c := range []struct {
		got  error
		want string
	}{
		{NotWritten("acme.md", "assay export", "JSON (.json)"),
			"acme.md is named for a Markdown file, which assay export does not write: it writes JSON (.json)"},
		{NotExported("plan.xlsx"),
			"plan.xlsx is named for an Excel file, which the report's export does not write: it writes Markdown (.md), HTML (.html), PDF (.pdf) or DOCX (.docx)"},
		{WrittenAsAnother("r.PDF", "the report is HTML", "name it .html, or choose PDF"),
			"r.PDF is named for a PDF file, but the report is HTML: name it .html, or choose PDF"},
		{PlanNotCSV("plan.docx"), "plan.docx is named for a DOCX file, but the plan is written as CSV: name it .csv"},
		{PlanNotText("plan.csv"), "plan.csv is named for a CSV file, but the plan is written as text: give --csv"},
		{PlanNotText("plan.htm"), "plan.htm is named for an HTML file, but the plan is written as text: write it to a .txt file, or assay report --format html"},
		{NeedsKind("ar.json", "assay report", "--format oscal-poam", "--format oscal-assessment-results"),
			"ar.json is named for a JSON file: assay report writes two, give --format oscal-poam or --format oscal-assessment-results"},
		{PlanNotCSV("a\x1b]52;c;eA==\x07\u202e\nb.pdf"), `"a\x1b]52;c;eA==\a\u202e\nb.pdf" is named for a PDF file, but the plan is written as CSV: name it .csv`},
	} {
		if c.got.Error() != c.want {
			t.Errorf("got  %q\nwant %q", c.got, c.want)
		}
	}
}
