package main

import (
	"strings"
	"testing"
)

// A comment, reason or title that assay requires is not given by one that
// shows nothing: spaces, a zero-width space, a soft hyphen or a word
// joiner alone. A rejection "\u200b" was recorded as a rejection with a
// comment, and a risk accepted for reason "\u200b".
func TestRequiredTextThatShowsNothingIsRefused(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("review", id, "--submit", "--comment", "Ready")
	dpia := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "Loyalty analytics", "--kind", "system", "--date", "2026-03-01"))
	_, records := firstAssessment(t, s.env["ASSAY_DB"])
	for _, blank := range []string{"\u200b", " \u00ad ", "\u2060\u200d", "\ufeff"} {
		s.fails("a rejection needs a comment", "--reviewer", "Rui Reviewer", "review", id, "--reject", "--comment", blank)
		s.fails("needs a comment giving the DPO's reasons", "dpo", dpia, "--opinion", "unfavourable", "--comment", blank)
		s.fails("accepting a risk needs reason", "plan", id, "--item", "mfa", "--accept-approver", "CISO", "--accept-reason", blank, "--accept-expires", "2099-01-01")
		s.fails("needs a reason", "plan", id, "--item", "mfa", "--due", "2027-01-01", "--reason", blank)
		s.fails("a milestone needs a title", "plan", id, "--item", "mfa", "--milestone", blank)
		s.fails("a milestone needs a title", "plan", id, "--item", "mfa", "--milestone", "2027-01-01 "+blank)
	}
	if _, n := firstAssessment(t, s.env["ASSAY_DB"]); n != records {
		t.Errorf("the refused changes added %d audit records", n-records)
	}
}
