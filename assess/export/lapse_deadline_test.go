package export

import (
	"encoding/csv"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// lapsePlan is a plan of two findings assessed on 2026-03-02 with the
// default deadlines: a certificate expiring on 2026-05-04, medium, whose
// 90 days would end on 2026-05-31 (29 days left in March, 30 in April, 31
// in May), so due on the expiry; and mfa, high, due 30 days on, 2026-04-01.
func lapsePlan(t *testing.T) *assess.Evaluation {
	t.Helper()
	on, _ := assess.ParseDate("2026-03-02")
	expiry, _ := assess.ParseDate("2026-05-04")
	findings := []assess.Finding{
		{Key: "iso-expiry", QuestionID: "iso-expiry", Severity: assess.Medium, Question: "When does the certificate expire?", Answer: "2026-05-04",
			Lapse: "the certificate's expiry", LapsesOn: expiry, Partial: true},
		{Key: "mfa", QuestionID: "mfa", Severity: assess.High, Question: "MFA?", Answer: "no"},
	}
	return &assess.Evaluation{
		Assessment: &assess.Assessment{UUID: "8d1c0a4e-2f4b-4c3e-9a55-0d6f2b7c1e90", Subject: "Acme", AssessedOn: on,
			Questionnaire: &assess.Questionnaire{ID: "q", Title: "Q", Version: "1"}},
		Plan:  assess.BuildPlan(findings, nil, assess.DefaultDeadlines(), on, on),
		Today: on,
	}
}

func TestPlanCSVSaysWhyTheDefaultDueIsTheExpiry(t *testing.T) {
	ev := lapsePlan(t)
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(PlanCSV(ev, ev.Today, nil)), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]map[string]string{}
	for _, r := range rows[1:] {
		cell := map[string]string{}
		for i, h := range rows[0] {
			cell[h] = r[i]
		}
		got[cell["Finding"]] = cell
	}
	for key, want := range map[string]map[string]string{
		"iso-expiry": {"Due": "2026-05-04", "Default due": "2026-05-04",
			"Default due because": "the certificate's expiry, before the medium severity's deadline of 90 days (2026-05-31)"},
		"mfa": {"Due": "2026-04-01", "Default due": "2026-04-01", "Default due because": "the high severity's deadline of 30 days"},
	} {
		for col, w := range want {
			if got[key][col] != w {
				t.Errorf("%s: %s = %q, want %q", key, col, got[key][col], w)
			}
		}
	}
}

func TestOSCALSaysWhyTheDeadlineIsTheExpiry(t *testing.T) {
	ev := lapsePlan(t)
	out, err := OSCALPOAM(ev, ev.Today, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		POAM struct {
			Risks []struct {
				Title, Deadline string
				Props           []struct{ Name, Value string }
			}
		} `json:"plan-of-action-and-milestones"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	want := map[string][2]string{
		"Medium: iso-expiry": {"2026-05-04", "the certificate's expiry, before the medium severity's deadline of 90 days (2026-05-31)"},
		"High: mfa":          {"2026-04-01", ""},
	}
	for _, r := range doc.POAM.Risks {
		w, ok := want[r.Title]
		if !ok {
			t.Errorf("a risk %q", r.Title)
			continue
		}
		delete(want, r.Title)
		reason := ""
		for _, p := range r.Props {
			if p.Name == "default-deadline-reason" {
				reason = p.Value
			}
		}
		if !strings.HasPrefix(r.Deadline, w[0]+"T") || reason != w[1] {
			t.Errorf("%s: deadline %s, default-deadline-reason %q; want %s, %q", r.Title, r.Deadline, reason, w[0], w[1])
		}
	}
	if len(want) > 0 {
		t.Errorf("no risks %v", want)
	}
}

// A stored snapshot is read as it was accepted, so a lapse's words may
// hold what a questionnaire file may not: an escape sequence, a line
// break, a formula start. The CSV cell is defused and cleaned, and the
// OSCAL property is one line without the escape.
func TestLapseWordsFromASnapshotAreCleanedInCSVAndOSCAL(t *testing.T) {
	ev := lapsePlan(t)
	for i := range ev.Plan {
		if ev.Plan[i].Key() == "iso-expiry" {
			ev.Plan[i].Finding.Lapse = "=cmd|' /C calc'!A0 \x1b[31mexpiry\nof the certificate"
		}
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(PlanCSV(ev, ev.Today, nil)), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "Default due because")
	want := "'=cmd|' /C calc'!A0 expiry\nof the certificate, before the medium severity's deadline of 90 days (2026-05-31)"
	// mfa, due 2026-04-01, comes first; iso-expiry, due 2026-05-04, second.
	if col < 0 || len(rows) != 3 || rows[2][2] != "iso-expiry" || rows[2][col] != want {
		t.Errorf("CSV rows %q, want iso-expiry's Default due because %q", rows, want)
	}
	out, err := OSCALPOAM(ev, ev.Today, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "\x1b") || strings.Contains(string(out), `\u001b`) {
		t.Error("the OSCAL POA&M holds the escape sequence")
	}
	if w := `"value": "=cmd|' /C calc'!A0 expiry of the certificate, before the medium severity's deadline of 90 days (2026-05-31)"`; !strings.Contains(string(out), w) {
		t.Errorf("the OSCAL POA&M has no %s", w)
	}
}
