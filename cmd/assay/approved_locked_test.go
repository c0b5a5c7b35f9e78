package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An approved assessment cannot change at all (README, Review and
// sign-off): every flag of assay plan, an answers file (as the author's
// and as the vendor's), every sign-off, a DPO opinion and --overwrite are
// refused, saying to start a revision, and the trail and the committee
// report are as they were.
func TestApprovedAssessmentRefusesEveryChange(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("plan", id, "--item", "mfa", "--owner", "IT Ops", "--milestone", "2026-05-01 Enrol the admins")
	s.ok("review", id, "--submit", "--comment", "Ready")
	s.ok("--reviewer", "Rui Reviewer", "review", id, "--approve", "--comment", "Agreed")
	_, records := firstAssessment(t, s.env["ASSAY_DB"])
	before := s.ok("report", id)

	answers := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(answers, []byte("answers:\n  mfa: {answer: yes, note: fixed}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	plan := []string{"plan", id, "--item", "mfa"}
	for _, c := range []struct {
		args []string
		want string
	}{
		{append(plan, "--owner", "Someone"), "approved and locked"},
		{append(plan, "--owner", "Someone", "--overwrite"), "approved and locked"},
		{append(plan, "--action", "Do less"), "approved and locked"},
		{append(plan, "--due", "2027-01-01", "--reason", "Later"), "approved and locked"},
		{append(plan, "--due", "default"), "approved and locked"},
		{append(plan, "--reset-due"), "approved and locked"},
		{append(plan, "--status", "done"), "approved and locked"},
		{append(plan, "--accept-approver", "CISO", "--accept-reason", "Fine", "--accept-expires", "2099-01-01"), "approved and locked"},
		{append(plan, "--milestone", "2027-01-01 More"), "approved and locked"},
		{append(plan, "--milestone-done", "1"), "approved and locked"},
		{append(plan, "--clear-milestones", "--overwrite"), "approved and locked"},
		{[]string{"answer", id, "-f", answers, "--own"}, "approved and locked"},
		{[]string{"answer", id, "-f", answers, "--vendor"}, "nothing was recorded"},
		{[]string{"answer", id, "-f", answers, "--own", "--overwrite"}, "approved and locked"},
		{[]string{"review", id, "--submit", "--comment", "Again"}, "approved and locked"},
		{[]string{"--reviewer", "Someone Else", "review", id, "--reject", "--comment", "No"}, "approved and locked"},
		{[]string{"--reviewer", "Someone Else", "review", id, "--approve"}, "already approved"},
		{[]string{"review", id, "--withdraw"}, "only an assessment in review can be withdrawn"},
		{[]string{"dpo", id, "--opinion", "favourable"}, ""},
	} {
		code, _, errOut := s.run("", c.args...)
		if code == 0 || !strings.Contains(errOut, c.want) {
			t.Errorf("assay %s: exit %d, stderr %q; want a refusal saying %q", strings.Join(c.args, " "), code, errOut, c.want)
		}
	}
	if _, n := firstAssessment(t, s.env["ASSAY_DB"]); n != records {
		t.Errorf("refused changes added %d audit records", n-records)
	}
	if after := s.ok("report", id); after != before {
		t.Errorf("the approved assessment's report changed")
	}
	s.ok("verify")
}
