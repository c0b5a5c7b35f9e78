package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tieringAnswers answers every vendor-tiering question: internal data,
// disruptive and hard to replace (tier low), MFA missing.
const tieringAnswers = `
data-class: internal
outage-impact: disruptive
substitutable: hard
mfa: {answer: no, note: SMS codes only}
encryption: yes
breach-notice: partial
subprocessors: yes`

func (s *cliSession) fails(want string, args ...string) {
	s.t.Helper()
	code, out, errOut := s.run("", args...)
	if code == 0 || !strings.Contains(errOut, want) {
		s.t.Fatalf("assay %s: exit %d, stderr %q, stdout %q; want a failure saying %q", strings.Join(args, " "), code, errOut, out, want)
	}
}

func TestReviewLifecycleCLI(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)

	s.fails("cannot approve assessment 1: it is a draft: submit it for review first", "review", id, "--approve")
	s.fails("give one of --submit, --approve, --reject or --withdraw", "review", id)
	s.fails("give one of", "review", id, "--submit", "--approve")

	out := s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--comment", "Ready", "--date", "2026-03-02")
	if want := "Assessment 1 is now in review: submitted by Ana Analyst on 2026-03-02.\n"; out != want {
		t.Fatalf("submit: %q, want %q", out, want)
	}
	s.fails("a rejection needs a comment", "review", id, "--reject")
	out = s.ok("--reviewer", "Rui Reviewer", "review", id, "--approve", "--date", "2026-03-03", "--comment", "Plan agreed")
	if want := "Assessment 1 is now approved: approved by Rui Reviewer on 2026-03-03.\nIt is locked; to change it, start a revision: assay revise 1\n"; out != want {
		t.Fatalf("approve: %q, want %q", out, want)
	}
	s.fails("cannot approve assessment 1: it is already approved (approved by Rui Reviewer on 2026-03-03)", "review", id, "--approve")

	// Nothing in an approved assessment changes.
	path := filepath.Join(t.TempDir(), "a.yaml")
	os.WriteFile(path, []byte("answers:\n  mfa: yes\n"), 0o600)
	s.fails("assessment 1 is approved and locked; start a revision to change it (assay revise 1)", "answer", id, "-f", path)
	s.fails("approved and locked", "plan", id, "--item", "mfa", "--owner", "Ops")
	s.fails("a DPO opinion is recorded on privacy assessments", "dpo", id, "--opinion", "favourable")

	// A revision can change.
	rev := strings.TrimSpace(s.ok("revise", id))
	if rev != "2" {
		t.Fatalf("revise printed %q, want 2", rev)
	}
	s.ok("answer", rev, "-f", path)
	s.fails("assessment 1 already has a revision, assessment 2", "revise", id)
	s.fails("assessment 2 is draft, not approved", "revise", rev)

	// Given one assessment, diff compares it with the one before it: the
	// approved assessment a revision revises. The first has none.
	if one, two := s.ok("diff", rev, "--as-of", "2026-03-10"), s.ok("diff", id, rev, "--as-of", "2026-03-10"); one != two {
		t.Errorf("diff %s alone:\n%s\nwant what diff %s %s says:\n%s", rev, one, id, rev, two)
	}
	s.fails("assessment 1 has no earlier assessment of Acme Cloud Ltd to compare with: give both IDs (assay diff A B)", "diff", id)
	s.fails("assessment 2 compared with itself", "diff", rev, rev)
	// Backwards, the revision's closed finding would read as opened.
	s.fails("assessment 2 comes after assessment 1 (it revises it): a comparison runs from the earlier to the later (assay diff 1 2)", "diff", rev, id)

	// Diff of the approved assessment and its revision.
	out = s.ok("diff", id, rev, "--as-of", "2026-03-10")
	for _, want := range []string{
		"To   assessment 2: Acme Cloud Ltd, vendor-tiering 1.0.0, 2026-03-01, draft, revision 2 of 1\n",
		"  mfa: Is multi-factor authentication enforced for all access to our data?\n    answer: No -> Yes, in place\n",
		"  Control gaps: 9 of 20 (45.0%) -> 3 of 20 (15.0%)\n",
		"  Control gaps: significant -> minor\n",
		"Findings closed: 1\n  - mfa [medium] Is multi-factor authentication",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}
}

// Review does not stop the analysts; the approval says what changed after
// the submission, which it approves as changed, in the questionnaire's
// order. An answer given again as it was changes nothing and is not named.
func TestApprovalNamesWhatChangedInReview(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--comment", "Ready")
	path := filepath.Join(t.TempDir(), "a.yaml")
	os.WriteFile(path, []byte("answers:\n  subprocessors: partial\n  mfa: yes\n  encryption: yes\n"), 0o600)
	for _, args := range [][]string{{"answer", id, "-f", path}, {"plan", id, "--item", "breach-notice", "--owner", "Legal"}} {
		code, _, errOut := s.run("", args...)
		if want := "Assessment 1 is in review: its approver is shown what changed since the submission.\n"; code != 0 || errOut != want {
			t.Errorf("assay %s: exit %d, stderr %q, want %q", args[0], code, errOut, want)
		}
	}
	out := s.ok("--reviewer", "Rui Reviewer", "review", id, "--approve", "--comment", "Plan agreed")
	if want := "Changed after it was submitted, and approved as changed: 2 answers (mfa, subprocessors) and 1 plan item (breach-notice).\n"; !strings.Contains(out, want) {
		t.Errorf("approve: %q, want %q in it", out, want)
	}
	// The committee's report says so under the signatures.
	md := strings.Join(strings.Fields(s.ok("report", id)), " ")
	if want := "| Reviewer | Rui Reviewer | approved | 2026-"; !strings.Contains(md, want) ||
		!strings.Contains(md, "2 answers were changed after the submission and before the approval: `mfa`, `subprocessors`. 1 plan item was changed after the submission and before the approval: `breach-notice`.") {
		t.Errorf("the report's sign-off does not name the answers changed in review:\n%s", md[strings.Index(md, "## Sign-off"):])
	}
}

func TestSigningNeedsAName(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.fails("signing needs a name", "--reviewer", "unknown", "review", id, "--submit")
	s.fails("signing needs a name", "--reviewer", "  ", "review", id, "--submit")

	// Without --reviewer or $ASSAY_REVIEWER, the config file names the reviewer.
	delete(s.env, "ASSAY_REVIEWER")
	cfg := filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "config.yaml")
	os.MkdirAll(filepath.Dir(cfg), 0o700)
	os.WriteFile(cfg, []byte("reviewer: Cara Config\n"), 0o600)
	out := s.ok("review", id, "--submit", "--date", "2026-03-02")
	if !strings.Contains(out, "submitted by Cara Config on 2026-03-02") {
		t.Fatalf("config reviewer not used: %q", out)
	}
}

func TestDPOOpinionCLI(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "Loyalty analytics", "--kind", "system", "--date", "2026-03-01"))
	s.fails(`unknown DPO opinion "ok"`, "dpo", id, "--opinion", "ok")
	out := s.ok("--reviewer", "Dee Pio", "dpo", id, "--opinion", "favourable-with-reservations", "--comment", "Shorten retention", "--date", "2026-03-04")
	if want := "DPO opinion on assessment 1: favourable-with-reservations, by Dee Pio on 2026-03-04.\n"; out != want {
		t.Fatalf("dpo: %q, want %q", out, want)
	}
	// The DPIA's dpo-opinion asks whether the DPO has given an opinion:
	// unanswered, or answered no, it disagrees with the opinion just
	// recorded, and the DPO (or whoever records it) is told; answered yes,
	// nothing is said.
	// Each on a day of its own: the same opinion again on the same day
	// records nothing (dpo_hostile_test.go).
	day := map[string]string{"": "2026-03-04", "no": "2026-03-05", "yes": "2026-03-06"}
	noteFor := func(answer string) string {
		t.Helper()
		if answer != "" {
			path := filepath.Join(t.TempDir(), "a.yaml")
			os.WriteFile(path, []byte("answers:\n  dpo-opinion: "+answer+"\n"), 0o600)
			s.ok("answer", id, "-f", path)
		}
		code, _, errOut := s.run("", "--reviewer", "Dee Pio", "dpo", id, "--opinion", "favourable", "--date", day[answer])
		if code != 0 {
			t.Fatalf("dpo: exit %d, %s", code, errOut)
		}
		return errOut
	}
	const tail = ", which asks whether the DPO has given an opinion, %s: answer it now that the opinion is given (assay answer 1, or the interview).\n"
	if got, want := noteFor(""), fmt.Sprintf("The DPO's opinion is recorded, but dpo-opinion"+tail, "is not answered"); got != want {
		t.Errorf("dpo-opinion unanswered:\n%q\nwant\n%q", got, want)
	}
	if got, want := noteFor("no"), fmt.Sprintf("The DPO's opinion is recorded, but dpo-opinion"+tail, `says "No"`); got != want {
		t.Errorf("dpo-opinion no:\n%q\nwant\n%q", got, want)
	}
	// The report says it beside the opinion, for the committee.
	const inReport = "**DPO opinion:** favourable, by Dee Pio on 2026-03-05. The answer to `dpo-opinion`, which asks whether the DPO has given an opinion, is No."
	if md := strings.Join(strings.Fields(s.ok("report", id, "--as-of", "2026-03-10")), " "); !strings.Contains(md, inReport) {
		t.Errorf("the report does not say %q", inReport)
	}
	if got := noteFor("yes"); got != "" {
		t.Errorf("dpo-opinion yes: %q, want nothing on standard error", got)
	}
	if md := s.ok("report", id); strings.Contains(md, "which asks whether the DPO has given an opinion") {
		t.Errorf("the report says the answer disagrees with the opinion once it is yes")
	}
}

// four_eyes in the config file: the submitter cannot approve, in the CLI
// as in the store; someone else can.
func TestFourEyesFromConfig(t *testing.T) {
	s := newCLISession(t)
	cfg := filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "config.yaml")
	if err := os.MkdirAll(filepath.Dir(cfg), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, []byte("four_eyes: true\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-02")
	s.fails("cannot approve assessment 1: Ana Analyst submitted it for review on 2026-03-02, and with four_eyes set someone else must approve it",
		"--reviewer", "Ana Analyst", "review", id, "--approve")
	// Nor reject it: the committee would read a reviewer's decision where
	// the author took the assessment back; that is a withdrawal.
	s.fails("cannot reject assessment 1: Ana Analyst submitted it for review on 2026-03-02, and with four_eyes set someone else must reject it; Ana Analyst can withdraw it (assay review 1 --withdraw)",
		"--reviewer", "Ana Analyst", "review", id, "--reject", "--comment", "Not ready")
	s.ok("--reviewer", "Ana Analyst", "review", id, "--withdraw", "--date", "2026-03-03")
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-04")
	s.ok("--reviewer", "Rui Reviewer", "review", id, "--approve")
}

// four_eyes holds a name apart from itself however it is typed: names
// compare as subjects' do (assess.SameName), so the submitter's name with
// two spaces, another case or full-width letters, which the record shows
// as the same person, is refused too. Two spaces got through.
func TestFourEyesKnowsTheSubmitterHoweverTyped(t *testing.T) {
	s := newCLISession(t)
	cfg := filepath.Join(s.env["XDG_CONFIG_HOME"], "assay", "config.yaml")
	if err := os.MkdirAll(filepath.Dir(cfg), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(cfg, []byte("four_eyes: true\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-02")
	for _, name := range []string{"Ana  Analyst", "ana analyst", "ＡＮＡ Analyst", " Ana Analyst\u00a0"} {
		s.fails("someone else must approve it", "--reviewer", name, "review", id, "--approve")
		s.fails("someone else must reject it", "--reviewer", name, "review", id, "--reject", "--comment", "No")
	}
	s.ok("--reviewer", "Rui Reviewer", "review", id, "--approve")
}
