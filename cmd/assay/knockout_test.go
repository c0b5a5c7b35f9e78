package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// assay score names the answer whose knock-out set the outcome, in words
// and in --json. The verdict file answers the DPIA with no legal basis and
// no notice; worked out by hand in its header: compliance minor (10 of
// 114), risks low, the matrix gives low, and the knock-out on legal-basis
// raises the outcome to high.
func TestScoreNamesTheKnockOut(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "Loyalty analytics", "--date", "2026-01-10"))
	s.ok("answer", id, "-f", filepath.Join("..", "..", "questionnaires", "testdata", "verdicts", "dpia-no-legal-basis.yaml"))
	out := s.ok("score", id, "--explain")
	for _, want := range []string{
		"DPIA outcome: high\n",
		`  raised from low by the knock-out on legal-basis (Not identified yet): Processing without a legal basis is unlawful`,
		`outcome = high: Gaps against data protection principles minor × Highest risk after planned measures low in the DPIA outcome matrix; moved to high by the knock-out on legal-basis, answered "Not identified yet"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("score --explain lacks %q:\n%s", want, out)
		}
	}
	var r struct {
		Result struct {
			Outcome struct {
				Level  string `json:"level"`
				Raised bool   `json:"raised_by_floor"`
				Before string `json:"before_floors"`
				Floors []struct {
					Question, AtLeast string
				} `json:"floors"`
			} `json:"outcome"`
		} `json:"result"`
	}
	if err := json.Unmarshal([]byte(s.ok("score", id, "--json")), &r); err != nil {
		t.Fatal(err)
	}
	o := r.Result.Outcome
	if o.Level != "high" || !o.Raised || o.Before != "low" || len(o.Floors) != 2 || o.Floors[0].Question != "legal-basis" || o.Floors[1].Question != "notice" {
		t.Errorf("--json outcome %+v", o)
	}
}

// A knock-out that an unanswered question sets is said as such: the
// report of a DPIA whose privacy notice is unanswered
// (questionnaires/testdata/answers/dpia-notice-unanswered.yaml, worked out
// by hand there) does not say `notice` "was answered" with the words
// "unanswered, counted as its worst answer", nor that the knock-out set a
// level the assessment does not have yet (it is not rated yet: the
// knock-out sets its worst case).
//
// A blank DPIA's decision counts the required questions still unanswered
// (63 of the 65 shown: two further risks are optional; edpb-criteria, and
// processing-started-elsewhere while jurisdictions is unanswered, are
// among them since dpia 2.6.0) and how many of them count as their worst
// answers: not the eleven that are never scored (the description, four
// context questions whose dimension is none, six risks still to rate),
// so 52. Its six unrated risks count as their worst
// rating, so its outcome is critical at worst (and low at best), which no
// knock-out raises.
func TestKnockOutOfAnUnansweredQuestionIsSaidSo(t *testing.T) {
	s := newCLISession(t)
	notice := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "Loyalty programme", "--date", "2026-01-10"))
	s.ok("answer", notice, "--file", filepath.Join("..", "..", "questionnaires", "testdata", "answers", "dpia-notice-unanswered.yaml"))
	noticeReport := s.ok("report", notice)
	for _, want := range []string{
		"It is high with the unanswered questions counted as the worst answers, and low with them counted as the best.",
		"A knock-out sets this worst case: `notice` is unanswered and counted as its worst answer. People must be told",
		"moved to high by the knock-out on notice, unanswered and counted as its worst answer: People must be told",
		"note this interim result. 1 required question is unanswered and counted as its worst answer; the assessment must be completed",
	} {
		if !strings.Contains(strings.Join(strings.Fields(noticeReport), " "), want) {
			t.Errorf("the report lacks %q:\n%s", want, noticeReport)
		}
	}
	if got := s.ok("score", notice); !strings.Contains(got, "DPIA outcome: not rated yet (high with the unanswered questions counted as the worst answers, low as the best)\n"+
		"  raised from low by the knock-out on notice (unanswered, counted as its worst answer): People must be told") {
		t.Errorf("score of the DPIA without its notice:\n%s", got)
	}

	id := strings.TrimSpace(s.ok("new", "-q", "dpia", "-s", "Payroll analytics", "--date", "2026-01-10"))
	out := s.ok("report", id)
	for _, want := range []string{
		"Questions answered: 0 of 65.",
		"It is critical with the unanswered questions counted as the worst answers, and low with them counted as the best.",
		"note this interim result. 63 required questions are unanswered, 52 of them counted as their worst answers and 11 that score no points; the assessment must be completed",
	} {
		if !strings.Contains(strings.Join(strings.Fields(out), " "), want) {
			t.Errorf("the report lacks %q:\n%s", want, out)
		}
	}
	// assay score says the same, and marks the unscored ones in its list.
	explain := s.ok("score", id, "--explain")
	for _, want := range []string{
		// 65 shown, 63 of them required: the two further risks
		// (risk-other-1 and -2) may be left blank.
		"Answered: 0 of 65 (incomplete: 63 required unanswered, 52 counted as worst and 11 that score no points)",
		"DPIA outcome: not rated yet (critical with the unanswered questions counted as the worst answers, low as the best)",
		"\nUnanswered (counted as worst, but for those marked as scoring no points)\n",
		"\n  purpose: Describe the processing in a few sentences: what it does, why, who is responsible for it, and which systems and teams take part. (scores no points)\n",
	} {
		if !strings.Contains(explain, want) {
			t.Errorf("score --explain lacks %q:\n%s", want, explain)
		}
	}
	// Every question of the vendor screen is required, but data-sensitivity
	// scores nothing (it sets severities and a floor), so the count says
	// how many of the unanswered are counted as worst, and why the one
	// left over is not: it scores no points. The report says the same.
	blank := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Blank vendor"))
	if got := s.ok("score", blank); !strings.Contains(got, "Answered: 0 of 33 (incomplete: 33 unanswered, 32 counted as worst and 1 that scores no points)") {
		t.Errorf("a blank vendor screen's score:\n%s", got)
	}
	if got := strings.Join(strings.Fields(s.ok("report", blank)), " "); !strings.Contains(got, "33 required questions are unanswered, 32 of them counted as their worst answers and 1 that scores no points;") {
		t.Errorf("a blank vendor screen's report:\n%s", got)
	}
	for _, line := range strings.Split(explain, "\n") {
		if strings.HasPrefix(line, "  notice: ") && strings.HasSuffix(line, "(scores no points)") {
			t.Errorf("notice, which is scored, is marked not scored: %s", line)
		}
	}
	for _, report := range []string{noticeReport, out} {
		for _, bad := range []string{"was answered “unanswered", `answered "unanswered`, "A knock-out set this level"} {
			if strings.Contains(strings.Join(strings.Fields(report), " "), bad) {
				t.Errorf("the report says %q:\n%s", bad, report)
			}
		}
	}
}
