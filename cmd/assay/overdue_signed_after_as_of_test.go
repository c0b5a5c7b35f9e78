package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// assay overdue --as-of judges each assessment on the day its plan and
// report are judged (assess.JudgedOn): an assessment submitted after the
// --as-of day is judged on the day of that sign-off, as plan and report
// judge it (they refuse an --as-of before it). overdue judged its
// acceptances' expiries on the sign-off's day but its deadlines on the
// --as-of day, a mixture no plan or report shows: mfa, whose acceptance
// ran out on 2026-03-20, was listed as 13 days late on 2026-03-15, when
// its acceptance was in force, while its plan as of the submission says
// 30. Each item now gives the day it is judged on, and the table names
// the sign-off that set it.
//
// Worked out by hand: vendor-security-screen assessed 2026-01-31 with the
// answers of vendorAnswers gives mfa (high, 30 days: due 2026-03-02) and
// policy (medium), whose deadline is moved to 2026-03-05, so both
// assessments have an item overdue on 2026-03-15. On 2026-03-01 mfa's risk
// is accepted until 2026-03-20; on 2026-04-01 one assessment is
// submitted. Judged on 2026-04-01 its acceptance has expired: mfa is open
// again and 30 days late (2 March to 1 April), policy 27 (5 March to 1
// April). The assessment never submitted is judged on 2026-03-15, where
// the acceptance holds: policy alone is overdue, 10 days.
func TestOverdueJudgesAnAssessmentSignedAfterTheAsOfDayAsItsPlanDoes(t *testing.T) {
	s := newCLISession(t)
	restore := recordedOnDay(t, "2026-03-01") // the trail records the acceptances on that day too
	signed := s.startBuiltin("vendor-security-screen", "Signed Ltd", "2026-01-31", vendorAnswers)
	unsigned := s.startBuiltin("vendor-security-screen", "Unsigned Ltd", "2026-01-31", vendorAnswers)
	for _, id := range []string{signed, unsigned} {
		s.ok("plan", id, "--item", "mfa", "--accept-approver", "CISO", "--accept-reason", "Keys on order", "--accept-expires", "2026-03-20")
		s.ok("plan", id, "--item", "policy", "--due", "2026-03-05", "--reason", "Board meets in March")
	}
	restore()
	restore = onDay(t, "2026-04-01")
	s.ok("review", signed, "--submit", "--comment", "Ready")
	restore()

	var got struct {
		AsOf    string `json:"as_of"`
		Overdue []struct {
			Assessment int64
			Item       string
			Late       int    `json:"days_overdue"`
			JudgedOn   string `json:"judged_on"`
		}
	}
	if err := json.Unmarshal([]byte(s.ok("overdue", "--as-of", "2026-03-15", "--json")), &got); err != nil {
		t.Fatal(err)
	}
	planned := readPlanCSV(t, s.ok("plan", signed, "--csv", "--as-of", "2026-04-01"))
	listed := map[string]int{}
	for _, it := range got.Overdue {
		if fmt.Sprint(it.Assessment) == signed {
			listed[it.Item] = it.Late
			if it.JudgedOn != "2026-04-01" {
				t.Errorf("signed %s: judged on %q, want 2026-04-01", it.Item, it.JudgedOn)
			}
		} else {
			if it.Item == "mfa" {
				t.Errorf("the unsigned assessment's mfa, accepted until 2026-03-20, is overdue on 2026-03-15")
			}
			if it.Item != "policy" || it.Late != 10 || it.JudgedOn != "2026-03-15" {
				t.Errorf("unsigned %s: %d days late judged on %q, want policy 10 days on 2026-03-15", it.Item, it.Late, it.JudgedOn)
			}
		}
	}
	if listed["mfa"] != 30 || listed["policy"] != 27 {
		t.Errorf("the signed assessment lists %v days late, want mfa 30 and policy 27", listed)
	}
	for key, row := range planned {
		if _, ok := listed[key]; (row["Overdue"] == "yes") != ok {
			t.Errorf("%s: overdue %q in the plan as of 2026-04-01, listed by overdue: %v", key, row["Overdue"], ok)
		}
	}
	text := s.ok("overdue", "--as-of", "2026-03-15")
	if want := "Assessment " + signed + " is judged on 2026-04-01, the day of its submission by"; !strings.Contains(text, want) {
		t.Errorf("the list does not say %q:\n%s", want, text)
	}
}
