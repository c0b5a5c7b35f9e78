package main

import (
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The report numbers its findings F1, F2, … and its plan table names each
// item by that number; the CSV action plan numbered its rows P1, P2, … in
// plan order, and the POA&M its findings in plan order too, so a committee
// member could not match a row of the spreadsheet to the report. Every
// output gives each finding one number, whatever order it lists them in.
func TestOneFindingNumberAcrossReportCSVAndPOAM(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme", "--date", "2026-03-01"))
	s.ok("answer", id, "-f", filepath.Join("testdata", "worst", "vendor-security-screen.yaml"))

	md := s.ok("report", id, "--as-of", "2026-03-15")
	inReport := map[string]string{}
	for _, m := range regexp.MustCompile("(?m)^### (F[0-9]+)\\. [A-Za-z]+: `([^`]+)`$").FindAllStringSubmatch(md, -1) {
		inReport[m[2]] = m[1]
	}
	if len(inReport) < 3 {
		t.Fatalf("too few findings in the report to compare: %v", inReport)
	}
	// Move the first finding's item last in the plan, so that plan order
	// and the report's finding order differ.
	var first string
	for key, n := range inReport {
		if n == "F1" {
			first = key
		}
	}
	s.ok("plan", id, "--item", first, "--due", "2027-12-31", "--reason", "Booked for next year")
	if again := s.ok("report", id, "--as-of", "2026-03-15"); !strings.Contains(again, "### F1. ") || !strings.Contains(again, "`"+first+"`") {
		t.Fatalf("moving a due date renumbered the report's findings")
	}

	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(s.ok("report", id, "--format", "csv", "--as-of", "2026-03-15"), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	if rows[len(rows)-1][col["Finding"]] != first {
		t.Fatalf("the moved item is not last in the CSV: %v", rows[len(rows)-1])
	}
	for _, row := range rows[1:] {
		if key, n := row[col["Finding"]], row[col["Item"]]; inReport[key] != n {
			t.Errorf("CSV numbers %s as %q, the report as %q", key, n, inReport[key])
		}
	}

	var poam struct {
		POAM struct {
			Findings []struct {
				Title string `json:"title"`
			} `json:"findings"`
		} `json:"plan-of-action-and-milestones"`
	}
	if err := json.Unmarshal([]byte(s.ok("report", id, "--format", "oscal-poam", "--as-of", "2026-03-15")), &poam); err != nil {
		t.Fatal(err)
	}
	title := regexp.MustCompile(`^(F[0-9]+)\. [A-Za-z]+: (.+)$`)
	for _, f := range poam.POAM.Findings {
		m := title.FindStringSubmatch(f.Title)
		if m == nil {
			t.Fatalf("POA&M finding title %q", f.Title)
		}
		if inReport[m[2]] != m[1] {
			t.Errorf("the POA&M numbers %s as %q, the report as %q", m[2], m[1], inReport[m[2]])
		}
	}
}
