package main

import (
	"strings"
	"testing"
)

// A revision's report said it was made from approved assessment 1, but
// not who approved that one or when: the committee reading the revision
// is asked to replace a decision it cannot see. It names the approval.
func TestRevisionReportNamesTheApprovalItRevises(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-02")
	s.ok("--reviewer", "Rui <b>Reviewer</b>", "review", id, "--approve", "--date", "2026-03-03")
	rev := strings.TrimSpace(s.ok("revise", id))
	flat := strings.Join(strings.Fields(s.ok("report", rev, "--as-of", "2026-03-10")), " ")
	want := "**Revision:** 2, made from assessment 1, approved by Rui &lt;b&gt;Reviewer&lt;/b&gt; on 2026-03-03, which is unchanged; this report is of the revision."
	if !strings.Contains(flat, want) {
		t.Errorf("the revision's report does not say %q:\n%s", want, flat)
	}
}
