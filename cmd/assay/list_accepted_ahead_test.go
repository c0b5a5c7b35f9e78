package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// assay list and assay overdue count an assessment's overdue items on the
// day its report made the same minute is dated, as assay plan does
// (TestPlanMadeTodayIsJudgedOnTheDayItsReportIs): a privacy office that
// reads "2 overdue" in a report expects the portfolio's list, and the
// list of overdue items it works from, to count the same two. A
// colleague whose calendar is a day ahead accepted a risk on a day that
// has not begun where the portfolio is read; the report is dated on it,
// and an item due the day before was overdue in the report and in
// neither list.
//
// Worked out by hand on acmeAcceptedAhead's case, the reader's today
// D-1: policy, due D-1, is due, not overdue, on D-1 and 1 day overdue on
// D; mfa is accepted (closed) on both days; access-review, due
// 2026-07-30, is the same on both days (overdue once that day has
// passed). So judged on D the list counts exactly one overdue item more
// than as of D-1, the same open items, and assay overdue lists policy, 1
// day late. --as-of D-1 keeps its day, as the report's --as-of does.
//
// Then submitted on D by the colleague ahead: the report, and assay
// overdue (TestOverduePrecheckMissesNothingASignOffMakesOverdue), are
// judged on D even as of D-1, and assay list, which counted on the day
// asked for whatever the sign-offs, counts on D too: the count made today,
// one overdue more than on D-1.
func TestListAndOverdueCountOnTheDayTheReportIsDated(t *testing.T) {
	s, id, day, yesterday := acmeAcceptedAhead(t)
	onDay(t, yesterday)
	if md := s.ok("report", id); !strings.Contains(md, "**Report date:** "+day) {
		t.Fatalf("the report made on %s is not dated %s, the acceptance's day:\n%s", yesterday, day, md)
	}

	type row struct {
		ID      int64 `json:"id"`
		Open    int   `json:"open_items"`
		Overdue int   `json:"overdue_items"`
	}
	listed := func(args ...string) row {
		t.Helper()
		var rows []row
		if err := json.Unmarshal([]byte(s.ok(append([]string{"list", "--json"}, args...)...)), &rows); err != nil || len(rows) != 1 {
			t.Fatalf("assay list --json %v: %v, %d rows", args, err, len(rows))
		}
		return rows[0]
	}
	now, onD, asked := listed(), listed("--as-of", day), listed("--as-of", yesterday)
	if now != onD || now.Overdue != asked.Overdue+1 || now.Open != asked.Open {
		t.Errorf("assay list made on %s counts %+v; as of %s, the report's date, %+v; as of %s %+v: want the first two the same, one overdue more than the last",
			yesterday, now, day, onD, yesterday, asked)
	}
	// The table says the same.
	if table := s.ok("list"); !strings.HasSuffix(strings.TrimSpace(strings.Split(strings.TrimSpace(table), "\n")[1]), " "+itoa(now.Overdue)) {
		t.Errorf("assay list's table does not count %d overdue:\n%s", now.Overdue, table)
	}

	overdue := s.ok("overdue")
	if !strings.Contains(overduePolicyRow(overdue), " "+yesterday+"  1 ") {
		t.Errorf("assay overdue made on %s does not list policy, due %s, 1 day late on %s, the report's date:\n%s", yesterday, yesterday, day, overdue)
	}
	if !strings.Contains(overdue, "Assessment "+id+" is judged on "+day+", the day a risk of it was accepted, after "+yesterday+", as its plan and report are.") {
		t.Errorf("assay overdue does not say why assessment %s is judged on %s:\n%s", id, day, overdue)
	}
	if asOf := s.ok("overdue", "--as-of", yesterday); overduePolicyRow(asOf) != "" {
		t.Errorf("assay overdue --as-of %s lists policy, due that day:\n%s", yesterday, asOf)
	}

	restore := onDay(t, day)
	s.ok("review", id, "--submit", "--comment", "Ready")
	restore()
	if signed := listed("--as-of", yesterday); signed != now {
		t.Errorf("assay list --as-of %s, submitted on %s: counts %+v, want %+v as on %s", yesterday, day, signed, now, day)
	}
	if asOf := s.ok("overdue", "--as-of", yesterday); overduePolicyRow(asOf) == "" {
		t.Errorf("assay overdue --as-of %s, submitted on %s, does not list policy:\n%s", yesterday, day, asOf)
	}
}

// overduePolicyRow is assay overdue's line of the item policy.
func overduePolicyRow(out string) string {
	for _, line := range strings.Split(out, "\n") {
		if f := strings.Fields(line); len(f) > 2 && f[2] == "policy" {
			return line
		}
	}
	return ""
}
