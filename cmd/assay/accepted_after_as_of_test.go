package main

import (
	"strings"
	"testing"
	"time"
)

// --as-of judges the plan on another day as the record stands (README):
// an acceptance the audit trail recorded after that day is part of the
// record and counts, as an item marked done since does. The report as of
// 2026-03-15 showed mfa's risk "accepted on" today and "in force" with
// nothing to say the decision came after the report's own date, and a
// committee read it as one it had on 2026-03-15. The report (every
// format reads the same document) and the plan's CSV, from assay plan
// and assay report alike, say that it was given after the day.
//
// Worked out by hand: vendor-security-screen assessed 2026-01-31 with
// mfa answered no gives mfa (high, due 2026-03-02, 30 days); accepted
// today until 2027-06-30, it is not overdue on 2026-03-15.
func TestAcceptanceRecordedAfterTheAsOfDayIsMarked(t *testing.T) {
	s := newCLISession(t)
	before := time.Now().Format(time.DateOnly)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	s.ok("plan", id, "--item", "mfa", "--accept-approver", "CISO", "--accept-reason", "Keys on order", "--accept-expires", "2027-06-30")
	after := time.Now().Format(time.DateOnly)
	day := before
	if got := readPlanCSV(t, s.ok("plan", id, "--csv"))["mfa"]["Accepted on"]; got != before {
		day = after // recorded across midnight
	}

	for name, out := range map[string]string{
		"plan --csv":          s.ok("plan", id, "--csv", "--as-of", "2026-03-15"),
		"report --format csv": s.ok("report", id, "--format", "csv", "--as-of", "2026-03-15"),
	} {
		mfa := readPlanCSV(t, out)["mfa"]
		if want := "risk-accepted (accepted on " + day + ", after 2026-03-15)"; mfa["Status"] != want || mfa["Overdue"] != "no" || mfa["Accepted on"] != day {
			t.Errorf("%s as of 2026-03-15: mfa status %q, overdue %q, accepted on %q; want %q, no, %s",
				name, mfa["Status"], mfa["Overdue"], mfa["Accepted on"], want, day)
		}
	}
	md := s.ok("report", id, "--as-of", "2026-03-15")
	for _, want := range []string{
		"| *unassigned* | 2026-03-02 | risk accepted on " + day + ", after this report's date | - |",
		"| F1 | high | CISO | " + day + " | Keys on order | 2027-06-30 | in force; accepted after this report's date |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the report as of 2026-03-15 does not say %q:\n%s", want, reportSection(md, "## Remediation plan"))
		}
	}
	checkTables(t, "accepted-after", md)

	// As of the day it was recorded, nothing is said.
	md = s.ok("report", id, "--as-of", day)
	csv := readPlanCSV(t, s.ok("plan", id, "--csv", "--as-of", day))["mfa"]
	if !strings.Contains(md, "| F1 | high | CISO | "+day+" | Keys on order | 2027-06-30 | in force |") || strings.Contains(md, "after this report's date") ||
		csv["Status"] != "risk-accepted" {
		t.Errorf("as of the day the acceptance was recorded it is marked as given after (CSV status %q):\n%s", csv["Status"], reportSection(md, "## Remediation plan"))
	}
}
