package export

import (
	"encoding/csv"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Cells a spreadsheet would run as formulas start with an apostrophe;
// commas, quotes and line breaks survive RFC 4180 quoting; escape
// sequences are removed.
func TestPlanCSVDefusesFormulas(t *testing.T) {
	d, _ := assess.ParseDate("2026-01-31")
	f := assess.Finding{Key: "mfa", QuestionID: "mfa", Severity: assess.High, Question: "MFA, \"everywhere\"?\nReally",
		Answer: "=HYPERLINK(\"http://evil\",\"x\")", Action: "+1 call", Controls: assess.Controls{assess.ISO27001: {"A.8.5", "A.5.17"}}}
	ev := &assess.Evaluation{Assessment: &assess.Assessment{Subject: "=cmd|' /C calc'!A0, \"Acme\""}, Plan: []assess.PlanItem{{Finding: f, Action: "@SUM(A1)", Owner: "-Sam\x1b[31m", Due: d.AddDays(30), DefaultDue: d.AddDays(30),
		Status: assess.ItemOpen, Milestones: []assess.Milestone{{Title: "\tstep"}}}}}
	out := string(PlanCSV(ev, d))
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || len(rows[1]) != len(CSVHeader) {
		t.Fatalf("rows %v", rows)
	}
	cell := map[string]string{}
	for i, h := range rows[0] {
		cell[h] = rows[1][i]
	}
	for col, want := range map[string]string{
		"Answer": `'=HYPERLINK("http://evil","x")`, "Action": "'@SUM(A1)", "Owner": "'-Sam",
		"Question": "MFA, \"everywhere\"?\nReally", "ISO/IEC 27001:2022": "A.8.5; A.5.17", "Due": "2026-03-02",
		"Milestones": "'\tstep", "Overdue": "no", "Item": "F1", "Subject": "'=cmd|' /C calc'!A0, \"Acme\"",
	} {
		if cell[col] != want {
			t.Errorf("%s = %q, want %q", col, cell[col], want)
		}
	}
	if !strings.HasSuffix(out, "\r\n") {
		t.Error("rows do not end with CRLF")
	}
}
