package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// recordedTimes are the WHEN cells of assay history: the clock's, which
// the tests cannot fix; they are masked, and the rest compared exactly.
var recordedTimes = regexp.MustCompile(`\d{4}-\d\d-\d\d \d\d:\d\d:\d\d`)

func masked(out string) string { return recordedTimes.ReplaceAllString(out, "YYYY-MM-DD hh:mm:ss") }

// answerFile writes an answers file for assay answer -f.
func (s *cliSession) answerFile(body string) string {
	s.t.Helper()
	path := filepath.Join(s.t.TempDir(), "answers.yaml")
	if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
		s.t.Fatal(err)
	}
	return path
}

// historySession is a small assessment taken through its life: the seven
// answers of tieringAnswers (records 2-8), encryption changed from yes to
// no with a note (9), the MFA item given an owner (10), submitted (11
// the signature, 12 the status) and approved by another person (13, 14).
func historySession(t *testing.T) (*cliSession, string) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("answer", id, "-f", s.answerFile("answers:\n  encryption: {answer: no, note: At rest only}\n"))
	s.ok("plan", id, "--item", "mfa", "--owner", "Bob Ops")
	s.ok("review", id, "--submit", "--date", "2026-03-05")
	s.env["ASSAY_REVIEWER"] = "Rita Reviewer"
	s.ok("review", id, "--approve", "--date", "2026-03-06", "--comment", "Fine.")
	return s, id
}

func TestHistoryCLI(t *testing.T) {
	s, id := historySession(t)
	want := `Audit trail of assessment 1 verified (as assay verify 1 checks it): 14 records.

#   WHEN (UTC)           WHO            WHAT
1   YYYY-MM-DD hh:mm:ss  Test Reviewer  assessment created
                                        - subject: Acme Cloud Ltd
                                        - questionnaire: vendor-tiering 1.0.0
                                        - reviewer: Test Reviewer
                                        - assessed on: 2026-03-01
                                        - status: draft
2   YYYY-MM-DD hh:mm:ss  Test Reviewer  answer set: data-class
                                        - answer: Internal
3   YYYY-MM-DD hh:mm:ss  Test Reviewer  answer set: outage-impact
                                        - answer: Disrupts a business process
4   YYYY-MM-DD hh:mm:ss  Test Reviewer  answer set: substitutable
                                        - answer: No
5   YYYY-MM-DD hh:mm:ss  Test Reviewer  answer set: mfa
                                        - answer: No
                                        - note: SMS codes only
6   YYYY-MM-DD hh:mm:ss  Test Reviewer  answer set: encryption
                                        - answer: Yes, in place
7   YYYY-MM-DD hh:mm:ss  Test Reviewer  answer set: breach-notice
                                        - answer: Partly
8   YYYY-MM-DD hh:mm:ss  Test Reviewer  answer set: subprocessors
                                        - answer: Yes, in place
9   YYYY-MM-DD hh:mm:ss  Test Reviewer  answer changed: encryption
                                        - answer: Yes, in place -> No
                                        - note: At rest only
10  YYYY-MM-DD hh:mm:ss  Test Reviewer  plan item edited: mfa
                                        - owner: Bob Ops
11  YYYY-MM-DD hh:mm:ss  Test Reviewer  sign-off as author: submitted
                                        - signed by: Test Reviewer
                                        - dated: 2026-03-05
12  YYYY-MM-DD hh:mm:ss  Test Reviewer  status changed
                                        - status: draft -> in-review
13  YYYY-MM-DD hh:mm:ss  Rita Reviewer  sign-off as reviewer: approved
                                        - signed by: Rita Reviewer
                                        - dated: 2026-03-06
                                        - comment: Fine.
14  YYYY-MM-DD hh:mm:ss  Rita Reviewer  status changed
                                        - status: in-review -> approved
`
	if out := masked(s.ok("history", id)); out != want {
		t.Fatalf("assay history:\n%s\nwant:\n%s", out, want)
	}
	// Who changed the answer on encryption, and was it before the sign-off?
	want = `Audit trail of assessment 1 verified (as assay verify 1 checks it): 14 records.

#  WHEN (UTC)           WHO            WHAT
6  YYYY-MM-DD hh:mm:ss  Test Reviewer  answer set: encryption
                                       - answer: Yes, in place
9  YYYY-MM-DD hh:mm:ss  Test Reviewer  answer changed: encryption
                                       - answer: Yes, in place -> No
                                       - note: At rest only
`
	if out := masked(s.ok("history", id, "--question", "encryption")); out != want {
		t.Fatalf("assay history --question encryption:\n%s\nwant:\n%s", out, want)
	}
	if out := s.ok("history", id, "--by", "rita reviewer", "--json"); !strings.Contains(out, `"verified": true`) {
		t.Fatalf("--json: %s", out)
	} else {
		var got struct {
			Entries []struct {
				Seq   int64
				Actor string
			}
		}
		if err := json.Unmarshal([]byte(out), &got); err != nil || len(got.Entries) != 2 || got.Entries[0].Seq != 13 || got.Entries[1].Actor != "Rita Reviewer" {
			t.Fatalf("--by rita reviewer --json: %v %+v", err, got)
		}
	}
	// --json keeps the value a script compares, and adds the label read.
	if out := s.ok("history", id, "--question", "breach-notice", "--json"); !strings.Contains(out, `"new": "partial",`) || !strings.Contains(out, `"new_label": "Partly",`) {
		t.Fatalf("--question breach-notice --json: %s", out)
	}
	// Rita made records, none about mfa: no list of who did.
	if out := s.ok("history", id, "--question", "mfa", "--by", "Rita Reviewer"); !strings.HasSuffix(out, "\nNo record matches question mfa, by Rita Reviewer.\n") {
		t.Fatalf("--question mfa --by Rita Reviewer: %q", out)
	}
	s.fails("--since: ", "history", id, "--since", "March")
	s.fails("no assessment with ID 7", "history", "7")
}

// A record edited in the database with SQL: the history says where the
// trail broke, still shows every record, and marks those from the break
// on as not vouched for; it exits 1, as assay verify does.
func TestHistoryCLIMarksRecordsFromTheBreak(t *testing.T) {
	s, id := historySession(t)
	// Record 9 rewritten as if encryption had been changed to yes.
	s.tamper(`UPDATE events SET new_value = replace(new_value, '["no"]', '["yes"]') WHERE assessment_id = 1 AND seq = 9`)
	code, out, errOut := s.run("", "history", id)
	lines := strings.Split(masked(out), "\n")
	head := "Audit trail of assessment 1 BROKEN at record 9: assessment 1, audit record 9 (event id 9): the record was altered: its hash does not match its content"
	if code != 1 || !strings.HasPrefix(lines[0], head) || !strings.HasSuffix(lines[0], ". 14 records; the ones from 9 on (marked !) are not vouched for.") {
		t.Fatalf("exit %d, first line %q", code, lines[0])
	}
	if !strings.HasPrefix(errOut, "assay: audit trail broken: assessment 1, audit record 9 ") {
		t.Fatalf("stderr %q", errOut)
	}
	var marked []string
	for _, l := range lines {
		if f := strings.Fields(l); len(f) > 1 && f[1] == "!" {
			marked = append(marked, f[0])
		}
	}
	if got := strings.Join(marked, " "); got != "9 10 11 12 13 14" {
		t.Fatalf("marked %q, want records 9 to 14:\n%s", got, out)
	}
	// What the tampered record now says, against what the trail held.
	if want := "\n9 !   YYYY-MM-DD hh:mm:ss  Test Reviewer  answer changed: encryption\n" + strings.Repeat(" ", 42) + "- note: At rest only\n10 !"; !strings.Contains(masked(out), want) {
		t.Fatalf("record 9 as it now reads: want %q in:\n%s", want, masked(out))
	}
	var got historyJSON
	_, js, _ := s.run("", "history", id, "--json")
	if err := json.Unmarshal([]byte(js), &got); err != nil || got.Verified || got.BrokenAt != 9 || got.Entries[7].Verified != true || got.Entries[8].Verified {
		t.Fatalf("--json: %v %s", err, js)
	}
}

// Escape sequences in a note and a name put in the database behind
// assay's back never reach the terminal, and never break the table:
// every row of the table keeps its columns.
func TestHistoryCLIEscapes(t *testing.T) {
	s, id := historySession(t)
	evil := "Keys\x1b]52;c;eA==\x07 in \x1b[2J\u009b31mKMS\u202e\r\nsecond\tline"
	note, _ := json.Marshal(evil)
	s.tamper(`UPDATE events SET new_value = json_set(new_value, '$.note', json(` + sqlString(string(note)) + `)) WHERE assessment_id = 1 AND seq = 9`)
	s.tamper(`UPDATE events SET actor = ` + sqlString("Eve\x1b[31m\nEvil") + ` WHERE assessment_id = 1 AND seq = 10`)
	for _, args := range [][]string{{"history", id}, {"history", id, "--json"}} {
		_, out, errOut := s.run("", args...)
		if strings.ContainsAny(out+errOut, "\x1b\x07\u009b\u202e\r\t") {
			t.Fatalf("assay %s let an escape through:\n%q\n%q", strings.Join(args, " "), out, errOut)
		}
	}
	_, out, _ := s.run("", "history", id)
	for _, want := range []string{
		"- note: Keys in KMS …\n",
		"10 !  YYYY-MM-DD hh:mm:ss  Eve Evil       plan item edited: mfa\n",
		"\n9 !, encryption note:\n    Keys in KMS\n    second line\n",
	} {
		if !strings.Contains(masked(out), want) {
			t.Fatalf("want %q in:\n%s", want, masked(out))
		}
	}
}

// sqlString is s as an SQL string literal.
func sqlString(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }
