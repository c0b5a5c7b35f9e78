package export

import (
	"encoding/csv"
	"slices"
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
	out := string(PlanCSV(ev, d, nil))
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

// An accepted risk's row gives the day its acceptance was recorded, from
// the days the caller read in the trail; an item not accepted, or one the
// trail does not date, has the cell empty.
func TestPlanCSVDatesTheAcceptance(t *testing.T) {
	d, _ := assess.ParseDate("2026-01-31")
	on, _ := assess.ParseDate("2026-02-03")
	item := func(key string, st assess.ItemStatus, acc *assess.Acceptance) assess.PlanItem {
		return assess.PlanItem{Finding: assess.Finding{Key: key, Severity: assess.High}, Due: d.AddDays(30), DefaultDue: d.AddDays(30), Status: st, Acceptance: acc}
	}
	acc := &assess.Acceptance{Approver: "CISO", Reason: "Renewal", Expires: d.AddDays(200)}
	ev := &assess.Evaluation{Assessment: &assess.Assessment{Subject: "Acme"}, Plan: []assess.PlanItem{
		item("mfa", assess.ItemAccepted, acc), item("dpa", assess.ItemAccepted, acc), item("policy", assess.ItemOpen, nil)}}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(PlanCSV(ev, d, map[string]assess.Date{"mfa": on, "policy": on})), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "Accepted on")
	if col != slices.Index(rows[0], "Accepted by")+1 {
		t.Fatalf("header %v: Accepted on does not follow Accepted by", rows[0])
	}
	for i, want := range []string{"2026-02-03", "", ""} {
		if got := rows[i+1][col]; got != want {
			t.Errorf("%s: accepted on %q, want %q", rows[i+1][2], got, want)
		}
	}
}

// A formula behind leading white space, or behind a full-width sign, is
// defused too: LibreOffice Calc and Excel trim leading spaces on some
// imports and read the full-width ＝ ＋ － ＠ as formula starts in some
// locales, and OWASP lists tab and carriage return. Text that only starts
// with a space, or a sign inside it, is left as typed.
func TestCellDefusesFormulasBehindSpacesAndFullWidthSigns(t *testing.T) {
	for in, want := range map[string]string{
		" =1+1":             "' =1+1",
		"   +cmd":           "'   +cmd",
		"\t=1+1":            "'\t=1+1",
		"\r=1+1":            "'\n=1+1", // Clean makes a lone CR a line break
		"\n@SUM(A1)":        "'\n@SUM(A1)",
		"\u00a0-2+3":        "'\u00a0-2+3",
		"\u3000=1":          "'\u3000=1",
		"＝HYPERLINK(\"x\")": "'＝HYPERLINK(\"x\")",
		"＋1":                "'＋1",
		"－1":                "'－1",
		"＠SUM(A1)":          "'＠SUM(A1)",
		" ＝1":               "' ＝1",
		"\ttab":             "'\ttab",
		"=1":                "'=1",
		" Sam Ortiz":        " Sam Ortiz",
		"Sam = IT":          "Sam = IT",
		"2026-03-02":        "2026-03-02",
		"":                  "",
		" ":                 " ",
	} {
		if got := Cell(in); got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
		}
	}
}

// The plan's writer defuses them in every cell people fill: the subject,
// the action, the owner, the due date's reason, the acceptance and the
// milestones.
func TestPlanCSVDefusesSpacedAndFullWidthFormulas(t *testing.T) {
	d, _ := assess.ParseDate("2026-01-31")
	acc := &assess.Acceptance{Approver: "\u3000@approver", Reason: "\r=reason", Expires: d.AddDays(200)}
	ev := &assess.Evaluation{Assessment: &assess.Assessment{Subject: " =cmd|' /C calc'!A0"}, Plan: []assess.PlanItem{{
		Finding: assess.Finding{Key: "mfa", Severity: assess.High}, Action: "＝HYPERLINK(\"http://evil\")", Owner: "  +Sam",
		Due: d.AddDays(60), DefaultDue: d.AddDays(30), DueReason: "－1", Status: assess.ItemAccepted, Acceptance: acc,
		Milestones: []assess.Milestone{{Title: "＠SUM(A1)"}}}}}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(PlanCSV(ev, d, nil)), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cell := map[string]string{}
	for i, h := range rows[0] {
		cell[h] = rows[1][i]
	}
	for col, want := range map[string]string{
		"Subject": "' =cmd|' /C calc'!A0", "Action": "'＝HYPERLINK(\"http://evil\")", "Owner": "'  +Sam", "Due moved because": "'－1",
		"Accepted by": "'\u3000@approver", "Acceptance reason": "'\n=reason", "Milestones": "'＠SUM(A1)",
	} {
		if cell[col] != want {
			t.Errorf("%s = %q, want %q", col, cell[col], want)
		}
	}
}

// An action and an acceptance reason written in paragraphs stay in their
// cells, every line and blank line kept (RFC 4180 quoting holds them);
// a line after the first starts no formula (a spreadsheet reads a formula
// only at the start of a cell), and a cell whose first line would is
// defused as any cell.
func TestPlanCSVKeepsTheParagraphsOfACell(t *testing.T) {
	d, _ := assess.ParseDate("2026-01-31")
	f := assess.Finding{Key: "mfa", QuestionID: "mfa", Severity: assess.High, Question: "MFA?"}
	action := "Enforce MFA.\r\n\r\n=HYPERLINK(\"http://evil\")\n- admins first\n\n# then everyone"
	ev := &assess.Evaluation{Assessment: &assess.Assessment{Subject: "Acme"}, Plan: []assess.PlanItem{{Finding: f, Action: action, Due: d, DefaultDue: d,
		Status: assess.ItemAccepted, Acceptance: &assess.Acceptance{Approver: "CISO", Reason: "=1+1\n\nbudget in Q3", Expires: d.AddDays(90)}}}}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(PlanCSV(ev, d, nil)), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("%d rows, want the header and one item: %q", len(rows), rows)
	}
	cell := map[string]string{}
	for i, h := range rows[0] {
		cell[h] = rows[1][i]
	}
	for col, want := range map[string]string{
		"Action":            "Enforce MFA.\n\n=HYPERLINK(\"http://evil\")\n- admins first\n\n# then everyone",
		"Acceptance reason": "'=1+1\n\nbudget in Q3",
	} {
		if cell[col] != want {
			t.Errorf("%s = %q, want %q", col, cell[col], want)
		}
	}
}
