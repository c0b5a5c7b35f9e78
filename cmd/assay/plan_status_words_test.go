package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/assay-dev/assay/internal/render/rendertest"
)

// A committee reads a plan item's status in words, "in progress" and
// "risk accepted", in the plan, the overdue list and every report format;
// what a program reads back (CSV, JSON, OSCAL) keeps the stored value,
// and --status takes either. Worked out by hand: vendor-security-screen
// assessed 2026-01-31 with mfa and policy answered no: mfa (high) due
// 2026-03-02, set in progress, overdue on 2026-05-02; policy's risk
// accepted until 2027-06-30.
func TestPlanStatusesReadAsWordsWhereOnlyPeopleReadThem(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	s.ok("plan", id, "--item", "mfa", "--status", "in progress")
	s.ok("plan", id, "--item", "policy", "--accept-approver", "CISO", "--accept-reason", "New policy due", "--accept-expires", "2027-06-30")
	const asOf = "2026-05-02"

	stored := func(what, out string) {
		t.Helper()
		if strings.Contains(out, "in progress") || strings.Contains(out, "risk accepted") {
			t.Errorf("%s gives a status in words, not as stored:\n%s", what, out)
		}
	}
	words := func(what, out string, want ...string) {
		t.Helper()
		if strings.Contains(out, "in-progress") || strings.Contains(out, "risk-accepted") {
			t.Errorf("%s gives a stored status, not words:\n%s", what, out)
		}
		for _, w := range want {
			if !strings.Contains(out, w) {
				t.Errorf("%s lacks %q:\n%s", what, w, out)
			}
		}
	}

	words("assay plan", s.ok("plan", id, "--as-of", asOf), "in progress, OVERDUE", "risk accepted")
	words("assay overdue", s.ok("overdue", "--as-of", asOf), "in progress")
	md := s.ok("report", id, "--as-of", asOf)
	words("the Markdown report", reportSection(md, "## Remediation plan"), "| in progress, **overdue** |", "| risk accepted on ")
	words("the HTML report", rendertest.HTMLText(t, []byte(s.ok("report", id, "--as-of", asOf, "--format", "html"))), "in progress", "risk accepted")
	docx, _ := rendertest.DOCXText(t, []byte(s.ok("report", id, "--as-of", asOf, "--format", "docx")))
	words("the DOCX report", docx, "in progress", "risk accepted")
	// The PDF's text breaks a cell's lines anywhere between words.
	pdf := rendertest.Squeeze(strings.Join(rendertest.PDFPages(t, []byte(s.ok("report", id, "--as-of", asOf, "--format", "pdf"))), ""))
	words("the PDF report", pdf, "inprogress", "riskaccepted")

	csv := readPlanCSV(t, s.ok("plan", id, "--csv", "--as-of", asOf))
	if csv["mfa"]["Status"] != "in-progress" || !strings.HasPrefix(csv["policy"]["Status"], "risk-accepted") {
		t.Errorf("the plan's CSV: mfa %q, policy %q; want in-progress and risk-accepted", csv["mfa"]["Status"], csv["policy"]["Status"])
	}
	var overdue struct {
		Overdue []struct {
			Item, Status string
		} `json:"overdue"`
	}
	if err := json.Unmarshal([]byte(s.ok("overdue", "--json", "--as-of", asOf)), &overdue); err != nil {
		t.Fatal(err)
	}
	if len(overdue.Overdue) != 1 || overdue.Overdue[0].Item != "mfa" || overdue.Overdue[0].Status != "in-progress" {
		t.Errorf("assay overdue --json: %+v; want mfa, in-progress", overdue.Overdue)
	}
	score := s.ok("score", id, "--json", "--as-of", asOf)
	stored("assay score --json", score)
	if !strings.Contains(score, `"status": "in-progress"`) || !strings.Contains(score, `"status": "risk-accepted"`) {
		t.Errorf("assay score --json does not give the stored statuses:\n%s", score)
	}
	poam := s.ok("report", id, "--as-of", asOf, "--format", "oscal-poam")
	stored("the OSCAL POA&M", poam)
	if !strings.Contains(poam, `"value": "in-progress"`) {
		t.Errorf("the OSCAL POA&M does not give mfa's stored status in-progress:\n%s", poam)
	}
	stored("assay export", s.ok("export", id))

	// The trail says a status as the plan does; its JSON keeps the
	// stored value, the words beside it as its label, as an answer's.
	words("assay history", s.ok("history", id), "status: in progress", "status: risk accepted")
	trail := s.ok("history", id, "--json")
	if !strings.Contains(trail, `"new": "in-progress"`) || !strings.Contains(trail, `"new": "risk-accepted"`) {
		t.Errorf("assay history --json does not give the stored statuses:\n%s", trail)
	}
}
