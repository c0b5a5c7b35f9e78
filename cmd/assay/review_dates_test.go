package main

import (
	"strings"
	"testing"
	"time"
)

// A signature is the record a committee trusts for who decided what and
// when: none can be dated after today (a decision not yet taken), and a
// step of the review cannot be dated before the step it follows (an
// approval before the submission it approves). Each refusal says why and
// records nothing; a date in the past otherwise stands, as minutes of last
// week's meeting are recorded.
func TestSignaturesAreDatedInOrderAndNotAhead(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	tomorrow := time.Now().AddDate(0, 0, 2).Format("2006-01-02") // two days: whatever the time zone

	s.fails("a submission cannot be dated "+tomorrow+", after today", "--reviewer", "Ana Analyst", "review", id, "--submit", "--date", tomorrow)
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-05")
	s.fails("an approval cannot be dated 2026-03-04, before the submission it follows (by Ana Analyst on 2026-03-05)",
		"--reviewer", "Rui Reviewer", "review", id, "--approve", "--date", "2026-03-04")
	s.fails("a rejection cannot be dated 2026-03-01, before the submission it follows",
		"--reviewer", "Rui Reviewer", "review", id, "--reject", "--comment", "No evidence", "--date", "2026-03-01")
	if out := s.ok("list"); !strings.Contains(out, "in-review") {
		t.Errorf("after the refusals:\n%s", out)
	}
	out := s.ok("--reviewer", "Rui Reviewer", "review", id, "--approve", "--date", "2026-03-05")
	if !strings.Contains(out, "approved by Rui Reviewer on 2026-03-05") {
		t.Errorf("an approval on the day of the submission: %s", out)
	}
}

// A DPO's opinion is often given on the draft, before the submission, and
// recorded later: it may be dated before the submission, never after today.
func TestDPOOpinionDatedBeforeTheSubmissionNotAhead(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "Loyalty analytics", "--kind", "system", "--date", "2026-03-01"))
	tomorrow := time.Now().AddDate(0, 0, 2).Format("2006-01-02")
	s.fails("a DPO opinion cannot be dated "+tomorrow+", after today", "--reviewer", "Dee Pio", "dpo", id, "--opinion", "favourable", "--date", tomorrow)
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-05")
	out := s.ok("--reviewer", "Dee Pio", "dpo", id, "--opinion", "favourable", "--date", "2026-03-04")
	if !strings.Contains(out, "by Dee Pio on 2026-03-04") {
		t.Errorf("an opinion dated the day before the submission: %s", out)
	}
}

// A revision is started from an approved assessment, so its review
// follows that approval: a revision submitted or approved on a day before
// the approval of the assessment it revises would have the record say it
// was decided before there was anything to revise.
func TestRevisionSignedNotBeforeTheApprovalItRevises(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-05")
	s.ok("--reviewer", "Rui Reviewer", "review", id, "--approve", "--date", "2026-03-10")
	rev := strings.TrimSpace(s.ok("revise", id))
	s.fails("a submission cannot be dated 2026-03-06, before the approval of assessment "+id+" it revises (by Rui Reviewer on 2026-03-10)",
		"--reviewer", "Ana Analyst", "review", rev, "--submit", "--date", "2026-03-06")
	if out := s.ok("list"); !strings.Contains(out, "draft") {
		t.Errorf("after the refusal the revision is no longer a draft:\n%s", out)
	}
	out := s.ok("--reviewer", "Ana Analyst", "review", rev, "--submit", "--date", "2026-03-10")
	if !strings.Contains(out, "submitted by Ana Analyst on 2026-03-10") {
		t.Errorf("a revision submitted on the day of the approval it revises: %s", out)
	}
}

// A step of the review is signed on the assessment it follows: one dated
// before the assessment date had the record say it was submitted (or
// approved) before it was assessed. A DPO's opinion may be given on the
// project before, as on the draft.
func TestReviewStepNotBeforeTheAssessmentDate(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-05", tieringAnswers)
	s.fails("a submission cannot be dated 2026-03-04, before the assessment date 2026-03-05",
		"--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-04")
	out := s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-05")
	if !strings.Contains(out, "submitted by Ana Analyst on 2026-03-05") {
		t.Errorf("a submission on the assessment day: %s", out)
	}
}
