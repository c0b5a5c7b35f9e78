package main

import (
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// A report made today shows every decision on the record, and none of
// them is dated after the report: a colleague whose calendar is a day
// ahead of the reader's accepted mfa's risk on their day, and the
// reader's report, made on their own day before it, was dated the day
// before the acceptance it shows, which it said was "accepted after this
// report's date", as if the report had been asked for as of an earlier
// day. A report made today is dated on the day of the newest acceptance
// it shows while today is before it, as it is on the day of a sign-off
// (assess.JudgedOn), and its plan is judged on that day: Markdown, HTML,
// PDF and DOCX read one document, and the CSV and OSCAL exports the same
// evaluation. An --as-of day is kept, with the acceptance marked as given
// after it (TestAcceptanceRecordedAfterTheAsOfDayIsMarked).
//
// Worked out by hand, with D the day the acceptance is recorded where the
// test runs: vendor-security-screen assessed 2026-01-31; policy moved to
// be due on D-1; mfa accepted on D. The reader's today is D-1: policy is
// due that day, not overdue; on D, the report's date, it is 1 day
// overdue, and mfa's acceptance, given on D, is in force.
func TestReportMadeTodayIsNotDatedBeforeAnAcceptanceItShows(t *testing.T) {
	s, id, day, yesterday := acmeAcceptedAhead(t)
	restore := onDay(t, yesterday)
	defer restore()

	md := s.ok("report", id)
	for _, want := range []string{
		"**Report date:** " + day,
		"| F1 | high | CISO | " + day + " | Keys on order | 2099-06-30 | in force |",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("the report made on %s of an acceptance given on %s does not say %q:\n%s", yesterday, day, want, md)
		}
	}
	if strings.Contains(md, "after this report's date") || strings.Contains(md, "**Report date:** "+yesterday) {
		t.Errorf("the report made on %s is dated before the acceptance of %s it shows:\n%s", yesterday, day, reportSection(md, "## Remediation plan"))
	}
	plan := reportSection(md, "## Remediation plan")
	if !strings.Contains(plan, "| "+yesterday+"<br>&#10;*moved from") || !strings.Contains(plan, "**overdue**") {
		t.Errorf("policy, due %s, is not overdue on the report's date %s:\n%s", yesterday, day, plan)
	}
	for format, out := range map[string]string{
		"csv":        s.ok("report", id, "--format", "csv"),
		"oscal-poam": s.ok("report", id, "--format", "oscal-poam"),
		"html":       s.ok("report", id, "--format", "html"),
	} {
		if strings.Contains(out, "after this report") || strings.Contains(out, "accepted-after-document-date") || strings.Contains(out, ", after "+yesterday) {
			t.Errorf("--format %s marks the acceptance as given after the document's date:\n%.3000s", format, out)
		}
	}
	csv := readPlanCSV(t, s.ok("report", id, "--format", "csv"))
	if csv["policy"]["Overdue"] != "yes" || csv["mfa"]["Status"] != "risk-accepted" {
		t.Errorf("the CSV is not judged on %s: policy overdue %q, mfa %q", day, csv["policy"]["Overdue"], csv["mfa"]["Status"])
	}
	// As of the day before, asked for, the report keeps its day and says so.
	md = s.ok("report", id, "--as-of", yesterday)
	if !strings.Contains(md, "**Report date:** "+yesterday) || !strings.Contains(md, "accepted after this report's date") {
		t.Errorf("the report as of %s:\n%s", yesterday, md)
	}
}

// acmeAcceptedAhead is the case worked out above: Acme's
// vendor-security-screen assessed 2026-01-31, policy moved to be due on
// D-1 and mfa accepted on D, the day the acceptance is recorded where the
// test runs (day; yesterday is D-1). The clock is left at D: the test
// moves it to the reader's day.
func acmeAcceptedAhead(t *testing.T) (s *cliSession, id, day, yesterday string) {
	t.Helper()
	s = newCLISession(t)
	id = s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	before := time.Now().Format(time.DateOnly)
	d, err := assess.ParseDate(before)
	if err != nil {
		t.Fatal(err)
	}
	s.ok("plan", id, "--item", "policy", "--due", d.AddDays(-1).String(), "--reason", "Board meets then")
	s.ok("plan", id, "--item", "mfa", "--accept-approver", "CISO", "--accept-reason", "Keys on order", "--accept-expires", "2099-06-30")
	if got := readPlanCSV(t, s.ok("plan", id, "--csv"))["mfa"]["Accepted on"]; got != before {
		if d, err = assess.ParseDate(got); err != nil { // recorded across midnight
			t.Fatal(err)
		}
	}
	return s, id, d.String(), d.AddDays(-1).String()
}
