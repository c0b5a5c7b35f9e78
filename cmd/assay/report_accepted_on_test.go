package main

import (
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/internal/render/rendertest"
)

// An accepted risk is dated: the committee reads when the acceptance was
// given, as well as who gave it and until when. The day is the one the
// audit trail recorded the change on (the test's own day, on this
// machine's clock, read before and after so that a run across midnight
// does not fail), in the plan and the accepted risks of every format and
// in the plan's CSV. Worked out by hand: vendor-security-screen assessed
// 2026-01-31 with mfa and policy answered no and access-review partly
// gives F1 mfa (high), F2 policy (medium), F3 access-review (low); mfa's
// risk is accepted until 2027-06-30; a revision carries the acceptance
// with its day, which the revision's own trail did not record. The
// reports are made today, on or after the day the acceptance was
// recorded: as of an earlier day they say it was given after
// (accepted_after_as_of_test.go).
func TestAcceptedRiskShowsTheDayItWasRecorded(t *testing.T) {
	s := newCLISession(t)
	before := time.Now().Format(time.DateOnly)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	s.ok("plan", id, "--item", "mfa", "--accept-approver", "Dana Reyes (CISO)", "--accept-reason", "Keys on order", "--accept-expires", "2027-06-30")
	// Signed on the day read after the acceptance was recorded: not
	// before it (a step that signs an acceptance is refused when dated
	// before the day the trail recorded it), and not after the day the
	// reports are judged on: a report is never dated before a sign-off it
	// shows.
	signed := time.Now().Format(time.DateOnly)
	s.ok("review", id, "--submit", "--comment", "Ready", "--reviewer", "Dana Reyes", "--date", signed)
	s.ok("review", id, "--approve", "--comment", "Plan agreed", "--reviewer", "Rui Costa", "--date", signed)
	rev := strings.TrimSpace(s.ok("revise", id))
	after := time.Now().Format(time.DateOnly)
	for _, asmt := range []string{id, rev} {
		md := s.ok("report", asmt)
		day := before
		if !strings.Contains(md, "risk accepted on "+day) {
			day = after
		}
		for _, want := range []string{
			"| F1 | high | Require multi-factor authentication", "| *unassigned* | 2026-03-02 | risk accepted on " + day + " | - |",
			"| Finding | Severity | Approved by | Accepted on | Reason | Expires | State |",
			"| F1 | high | Dana Reyes (CISO) | " + day + " | Keys on order | 2027-06-30 | in force |",
		} {
			if !strings.Contains(md, want) {
				t.Errorf("report of assessment %s lacks %q:\n%s", asmt, want, reportSection(md, "## Remediation plan"))
			}
		}
		checkTables(t, "accepted-on", md)

		report := func(format string) []byte {
			return []byte(s.ok("report", asmt, "--format", format))
		}
		texts := map[string]string{"html": rendertest.HTMLText(t, report("html"))}
		texts["docx"], _ = rendertest.DOCXText(t, report("docx"))
		texts["pdf"] = strings.Join(rendertest.PDFPages(t, report("pdf")), "")
		for format, text := range texts {
			// The PDF's text runs the status cell's lines ("risk
			// accepted on", the day) between the action's.
			plan := "risk accepted on " + day
			if format == "pdf" {
				plan = "risk accepted on"
			}
			for _, want := range []string{plan, "Accepted on", "Dana Reyes (CISO) " + day + " Keys on order"} {
				if !strings.Contains(rendertest.Squeeze(text), rendertest.Squeeze(want)) {
					t.Errorf("the %s report of assessment %s lacks %q", format, asmt, want)
				}
			}
		}
		for _, out := range []string{s.ok("plan", asmt, "--csv"), s.ok("report", asmt, "--format", "csv")} {
			plan := readPlanCSV(t, out)
			if got := plan["mfa"]["Accepted on"]; got != day {
				t.Errorf("the CSV of assessment %s: mfa accepted on %q, want %s", asmt, got, day)
			}
			if got := plan["policy"]["Accepted on"]; got != "" {
				t.Errorf("the CSV of assessment %s: policy, open, accepted on %q", asmt, got)
			}
		}
	}
}
