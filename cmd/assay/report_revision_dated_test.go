package main

import (
	"strings"
	"testing"
)

// A revision keeps the assessment date of the assessment it revises, and
// its report names that assessment's approval (who, when). That approval
// did not count towards the report's date or the --as-of check: the
// revision of an assessment dated 2026-03-01 and approved on 2026-03-10,
// reported --as-of 2026-03-05, read "Report date: 2026-03-05" above
// "approved by Rui Reviewer on 2026-03-10", a report dated before a
// decision it records. A revision's report is judged as every report is,
// no earlier than every sign-off it shows: --as-of before the revised
// approval is refused by report, plan, score and diff, naming it, and the
// day it was signed is taken.
func TestRevisionReportNotDatedBeforeTheApprovalItRevises(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-02")
	s.ok("--reviewer", "Rui Reviewer", "review", id, "--approve", "--date", "2026-03-10")
	rev := strings.TrimSpace(s.ok("revise", id))

	want := "--as-of: 2026-03-05 is before the approval of assessment " + id + ", which assessment " + rev + " revises, by Rui Reviewer on 2026-03-10: give that day or a later one"
	for _, args := range [][]string{
		{"report", rev, "--as-of", "2026-03-05"},
		{"report", rev, "--as-of", "2026-03-05", "--format", "csv"},
		{"plan", rev, "--as-of", "2026-03-05"},
		{"score", rev, "--as-of", "2026-03-05"},
		{"diff", id, rev, "--as-of", "2026-03-05"},
	} {
		s.fails(want, args...)
	}
	if out := s.ok("report", rev, "--as-of", "2026-03-10"); !strings.Contains(out, "**Report date:** 2026-03-10") {
		t.Errorf("the revision's report as of the approval's own day is not dated on it:\n%.900s", out)
	}
}

// Made on a day the approval has not reached where the reader is (a
// colleague ahead in time approved it), the revision's report and plan
// are judged on the approval's day, as an assessment's own sign-offs are.
func TestRevisionReportTodayBeforeTheApprovalItRevises(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-02")
	s.ok("--reviewer", "Rui Reviewer", "review", id, "--approve", "--date", "2026-03-10")
	rev := strings.TrimSpace(s.ok("revise", id))
	onDay(t, "2026-03-05")
	if out := s.ok("report", rev); !strings.Contains(out, "**Report date:** 2026-03-10") {
		t.Errorf("the revision's report made on 2026-03-05 names an approval of 2026-03-10 but is not dated on it:\n%.900s", out)
	}
	if out := s.ok("plan", rev); !strings.Contains(out, "(as of 2026-03-10)") {
		t.Errorf("the revision's plan made on 2026-03-05 is not judged as of the approval it revises, 2026-03-10:\n%.600s", out)
	}
}
