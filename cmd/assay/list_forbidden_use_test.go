package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// prohibitedAnswers is the verdict case of a fairness review of a practice
// the EU AI Act prohibits (emotion recognition at work). Its working, in
// the file: 58 questions answered of 58, impact level "prohibited" (the
// knock-out on ai-act-class, with forbids_use), 16 findings (one
// critical due 15 days after the assessment date, one high due in 30,
// 13 medium in 90, one low in 180).
var prohibitedAnswers = filepath.Join("..", "..", "questionnaires", "testdata", "verdicts", "fairness-call-centre-agent-emotion-recognition-prohibited.yaml")

// A committee member scanning assay list saw a prohibited practice as
// "rejected" with its level, as if it were any rejection to be reworked
// and submitted again, and one an older assay approved as "approved":
// nothing said the system must not be used. Each now says so, whatever
// its status, archived or not; the status column is as wide as the
// longest, --json keeps the status as it was and adds use_forbidden.
// The approval comes from an older assay (assay-scoring/3), whose stored
// summary knew nothing of the knock-out: it is scored again when the
// database is opened.
//
// Worked by hand, as of 2026-03-10 (no item is due before 2026-03-16):
// 1 rejected and 2 approved are the prohibited practice (58/58,
// prohibited, 16 open), 3 the same, a draft archived; 4 an ordinary
// rejection of a vendor (vendor-tiering, 7/7, low, 2 open, as
// TestListLayout works it). Widths: SUBJECT 20 (Agent emotion scores),
// QUESTIONNAIRE 14, STATUS 34 ("draft (archived), must not be used"),
// PROGRESS 8, LEVEL 10 (prohibited), OPEN 4, each and two spaces.
func TestListSaysAProhibitedPracticeMustNotBeUsed(t *testing.T) {
	s := newCLISession(t)
	prohibited := func(subject string) string {
		id := strings.TrimSpace(s.ok("new", "-q", "fairness-aia", "-s", subject, "--date", "2026-03-01"))
		s.ok("answer", id, "-f", prohibitedAnswers)
		return id
	}
	rejected := prohibited("Agent emotion scores")
	s.ok("--reviewer", "Ana Analyst", "review", rejected, "--submit", "--date", "2026-03-02")
	s.ok("--reviewer", "Rui Reviewer", "review", rejected, "--reject", "--comment", "The system must not be used", "--date", "2026-03-03")
	approved := prohibited("Call emotion scores")
	s.ok("--reviewer", "Ana Analyst", "review", approved, "--submit", "--date", "2026-03-02")
	prohibited("Shelved scores")
	vendor := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("--reviewer", "Ana Analyst", "review", vendor, "--submit", "--date", "2026-03-02")
	s.ok("--reviewer", "Rui Reviewer", "review", vendor, "--reject", "--comment", "MFA first", "--date", "2026-03-03")

	// What an assay of scoring rules 3 left: 2 approved before approvals
	// of a forbidden use were refused, 3 archived, and summaries that say
	// nothing of the use.
	s.plant(`UPDATE assessments SET status = 'approved' WHERE id = ?`, approved)
	s.plant(`UPDATE assessments SET archived = 1, updated_at = '2026-03-04T00:00:00Z' WHERE id = 3`)
	s.plant(`UPDATE assessments SET summary = json_set(json_remove(summary, '$.use_forbidden'), '$.scoring_version', 'assay-scoring/3'),
		list = json_remove(json_set(list, '$[8]', 'assay-scoring/3'), '$[10]')`)
	s.plant(`PRAGMA user_version = 3`)

	code, got, errOut := s.run("", "list", "--all", "--as-of", "2026-03-10")
	if code != 0 || !strings.Contains(errOut, "Scoring 4 assessments again under assay-scoring/4") {
		t.Fatalf("assay list: exit %d, stderr %q", code, errOut)
	}
	want := strings.Join([]string{
		"ID  SUBJECT               QUESTIONNAIRE   STATUS                              PROGRESS  LEVEL       OPEN  OVERDUE",
		"4   Acme Cloud Ltd        vendor-tiering  rejected                            7/7       low         2     0",
		"2   Call emotion scores   fairness-aia    approved, must not be used          58/58     prohibited  16    0",
		"1   Agent emotion scores  fairness-aia    rejected, must not be used          58/58     prohibited  16    0",
		"3   Shelved scores        fairness-aia    draft (archived), must not be used  58/58     prohibited  16    0",
		"",
	}, "\n")
	if got != want {
		t.Errorf("assay list --all:\n%s\nwant:\n%s", got, want)
	}
	// Without the archived, the column is as wide as "approved, must not
	// be used" (26).
	if got := s.ok("list", "--as-of", "2026-03-10"); !strings.Contains(got, "\n1   Agent emotion scores  fairness-aia    rejected, must not be used  58/58     prohibited  16    0\n") {
		t.Errorf("assay list:\n%s", got)
	}

	var rows []map[string]any
	if err := json.Unmarshal([]byte(s.ok("list", "--all", "--json", "--as-of", "2026-03-10")), &rows); err != nil || len(rows) != 4 {
		t.Fatalf("assay list --json: %d rows, %v", len(rows), err)
	}
	for _, c := range []struct {
		status    string
		forbidden any
	}{{"rejected", nil}, {"approved", true}, {"rejected", true}, {"draft", true}} {
		r := rows[0]
		rows = rows[1:]
		if r["status"] != c.status || r["use_forbidden"] != c.forbidden {
			t.Errorf("assessment %v in JSON: status %v, use_forbidden %v; want %s, %v", r["id"], r["status"], r["use_forbidden"], c.status, c.forbidden)
		}
	}
}

// A subject's history (assay subject show) listed a rejected prohibited
// practice as "rejected", as assay list did: it says, as the list does,
// that the system must not be used, and an ordinary rejection stays as
// it was.
func TestSubjectHistorySaysAProhibitedPracticeMustNotBeUsed(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "fairness-aia", "-s", "Agent emotion scores", "--date", "2026-03-01"))
	s.ok("answer", id, "-f", prohibitedAnswers)
	s.ok("--reviewer", "Ana Analyst", "review", id, "--submit", "--date", "2026-03-02")
	s.ok("--reviewer", "Rui Reviewer", "review", id, "--reject", "--comment", "The system must not be used", "--date", "2026-03-03")
	out := s.ok("subject", "show", "Agent emotion scores", "--as-of", "2026-03-10")
	if !strings.Contains(out, "fairness-aia   rejected, must not be used  1         prohibited") {
		t.Errorf("assay subject show:\n%s", out)
	}
}
