package main

import (
	"strings"
	"testing"
)

// assay plan made today judges the plan on the day its report made the
// same minute is dated (TestReportMadeTodayIsNotDatedBeforeAnAcceptanceItShows):
// no earlier than the newest acceptance it shows, which a colleague
// whose calendar is a day ahead may have given on a day that has not
// begun where the plan is listed. The CSV and the listing were judged on
// the reader's today while the report was dated on the acceptance's day:
// an item overdue in the report was not in the CSV, and the CSV marked
// the acceptance as given after its day, as it does for an --as-of day
// asked for. --as-of keeps its day, and the mark, as the report does.
//
// Worked out by hand on acmeAcceptedAhead's case: the reader's today is
// D-1, when policy is due, not overdue; on D, the day the report is
// dated, it is 1 day overdue, and mfa's acceptance, given on D, is in
// force unmarked.
func TestPlanMadeTodayIsJudgedOnTheDayItsReportIs(t *testing.T) {
	s, id, day, yesterday := acmeAcceptedAhead(t)
	onDay(t, yesterday)

	if md := s.ok("report", id); !strings.Contains(md, "**Report date:** "+day) {
		t.Fatalf("the report made on %s is not dated %s, the acceptance's day:\n%s", yesterday, day, md)
	}
	csv := readPlanCSV(t, s.ok("plan", id, "--csv"))
	if csv["policy"]["Overdue"] != "yes" {
		t.Errorf("assay plan --csv made on %s: policy, due %s, is overdue %q; the report, dated %s, has it overdue", yesterday, yesterday, csv["policy"]["Overdue"], day)
	}
	if csv["mfa"]["Status"] != "risk-accepted" || csv["mfa"]["Accepted on"] != day {
		t.Errorf("assay plan --csv made on %s: mfa status %q, accepted on %q; want risk-accepted, accepted on %s", yesterday, csv["mfa"]["Status"], csv["mfa"]["Accepted on"], day)
	}
	list := s.ok("plan", id)
	if !strings.Contains(list, "(as of "+day+")") || !strings.Contains(planRow(list, "policy"), "OVERDUE") {
		t.Errorf("assay plan made on %s is not judged on %s, as its report is:\n%s", yesterday, day, list)
	}
	// The item shown after a change is judged on that day too.
	if out := s.ok("plan", id, "--item", "policy", "--owner", "Sam Ortiz"); !strings.Contains(out, "status open, OVERDUE") {
		t.Errorf("policy, changed on %s, is not shown overdue as of %s:\n%s", yesterday, day, out)
	}

	// As of the day before, asked for, the plan keeps its day and the CSV
	// marks the acceptance as given after it.
	csv = readPlanCSV(t, s.ok("plan", id, "--csv", "--as-of", yesterday))
	if csv["policy"]["Overdue"] != "no" || csv["mfa"]["Status"] != "risk-accepted (accepted on "+day+", after "+yesterday+")" {
		t.Errorf("assay plan --csv --as-of %s: policy overdue %q, mfa %q", yesterday, csv["policy"]["Overdue"], csv["mfa"]["Status"])
	}
	list = s.ok("plan", id, "--as-of", yesterday)
	if !strings.Contains(list, "(as of "+yesterday+")") || strings.Contains(planRow(list, "policy"), "OVERDUE") {
		t.Errorf("assay plan --as-of %s is not judged on that day:\n%s", yesterday, list)
	}
}

// planRow is the line of assay plan's table that lists item key.
func planRow(list, key string) string {
	for _, line := range strings.Split(list, "\n") {
		if f := strings.Fields(line); len(f) > 0 && f[0] == key {
			return line
		}
	}
	return ""
}

// assay plan --as-of an earlier day than an acceptance it shows says, as
// text, that the risk was accepted after that day, as its CSV ("accepted
// on D, after D-1") and the report ("accepted after this report's date")
// say: the text said the acceptance was in force on D-1 with nothing to
// tell that it had not yet been given.
//
// Worked out by hand on acmeAcceptedAhead's case, read on D (the clock
// left there): as of D-1 mfa's acceptance, given on D, is judged in force
// (the record stands) and marked given after D-1; as of D, and made
// today, it is not marked.
func TestPlanAsOfTextMarksAnAcceptanceGivenAfterIt(t *testing.T) {
	s, id, day, yesterday := acmeAcceptedAhead(t)
	mark := "accepted on " + day + ", after " + yesterday
	list := s.ok("plan", id, "--as-of", yesterday)
	if !strings.Contains(list, "risk accepted by CISO until 2099-06-30 (in force; "+mark+"): Keys on order") {
		t.Errorf("assay plan --as-of %s does not say mfa was %s:\n%s", yesterday, mark, list)
	}
	// The item shown after a change judged as of that day says it too.
	if out := s.ok("plan", id, "--as-of", yesterday, "--item", "mfa", "--owner", "Sam Ortiz"); !strings.Contains(out, mark) {
		t.Errorf("mfa, changed and shown as of %s, does not say it was %s:\n%s", yesterday, mark, out)
	}
	for _, args := range [][]string{{"plan", id}, {"plan", id, "--as-of", day}} {
		if out := s.ok(args...); strings.Contains(out, ", after ") || !strings.Contains(out, "(in force): Keys on order") {
			t.Errorf("assay %s marks an acceptance given on %s as given after:\n%s", strings.Join(args, " "), day, out)
		}
	}
}
