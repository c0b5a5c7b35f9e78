package convert

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// caiqHelp converts src and lists each section's title and each
// question's ID and help.
func caiqHelp(t *testing.T, src string) string {
	t.Helper()
	res, err := Convert("caiq.json", []byte(src), "out.yaml", Options{})
	if err != nil {
		t.Fatal(err)
	}
	q, problems, _ := questionnaires.Lint("out.yaml", res.YAML, questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	var got []string
	for _, s := range q.Sections {
		got = append(got, s.Title)
		for _, qq := range s.Questions {
			got = append(got, "  "+qq.ID+": "+qq.Help)
		}
	}
	return strings.Join(got, "\n")
}

// CAIQ's spreadsheet merges the control and domain cells across the
// questions of a control, so an export of its rows (a spreadsheet saved
// as JSON records) gives them on the first question only, and null on the
// others: each question still gets its control's title and specification,
// and its domain's title, from the row that has them.
func TestCAIQMergedCellsExport(t *testing.T) {
	const src = `[
{"Question ID": "A&A-01.1", "Question": "Written down?", "CSP CAIQ Answer": null, "CCM Control ID": "A&A-01",
 "CCM Control Specification": "An invented specification.", "CCM Control Title": "Invented Audit Policy", "CCM Domain Title": "Invented Audit Domain"},
{"Question ID": "A&A-01.2", "Question": "Reviewed?", "CSP CAIQ Answer": null, "CCM Control ID": null,
 "CCM Control Specification": null, "CCM Control Title": null, "CCM Domain Title": null},
{"Question ID": "A&A-02.1", "Question": "Assessed?", "CSP CAIQ Answer": null, "CCM Control ID": "A&A-02",
 "CCM Control Specification": "Another invented one.", "CCM Control Title": "Invented Assessments", "CCM Domain Title": null}
]`
	want := "Invented Audit Domain (A&A)\n" +
		"  a-and-a-01.1: CCM control A&A-01 Invented Audit Policy.\n\nAn invented specification.\n" +
		"  a-and-a-01.2: CCM control A&A-01 Invented Audit Policy.\n\nAn invented specification.\n" +
		"  a-and-a-02.1: CCM control A&A-02 Invented Assessments.\n\nAnother invented one."
	if got := caiqHelp(t, src); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// A row that gives its domain as an ID ("domain": "A&A") and its title
// under another key ("domainName") is in a section named by the title;
// the ID was taken for the title, and the section was "A&A (A&A)".
func TestCAIQDomainGivenByID(t *testing.T) {
	const src = `[{"id": "A&A-01.1", "question": "Written down?", "domain": "A&A", "domainName": "Invented Audit Domain",
 "controlId": "A&A-01", "controlTitle": "Invented Audit Policy"}]`
	want := "Invented Audit Domain (A&A)\n  a-and-a-01.1: CCM control A&A-01 Invented Audit Policy."
	if got := caiqHelp(t, src); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
