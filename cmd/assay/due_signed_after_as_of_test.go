package main

import (
	"encoding/json"
	"fmt"
	"testing"
)

// assay due --as-of answers what was due on that day, and an assessment
// approved or rejected after it was not yet decided on it: it was in
// review. due read each assessment's state as it is now, so a
// reassessment approved on 2026-02-10 made Acme's cadence run from it as
// of 2026-02-01, and Acme, overdue on that day, was not listed; a
// reassessment rejected after the day had Globex listed as never
// assessed on a day it was in review.
//
// Worked out by hand, with every subject reassessed every 12 months
// (cadence default 12, no tier):
//
//	Acme    #1 assessed 2025-01-10, approved 2025-01-20
//	        #2 assessed 2026-01-05, submitted 2026-01-06, approved 2026-02-10
//	Globex  #3 assessed 2026-01-05, submitted 2026-01-06, rejected 2026-02-10
//
//	as of 2026-02-01: Acme runs from #1 (the only one approved on that
//	  day): due 2026-01-10, overdue by 22 days (21 in January, 1 in
//	  February), #2 under way. Globex runs from #3, in review and not
//	  approved: due 2027-01-05, not listed.
//	as of 2026-02-10, the day both were decided: Acme runs from #2, due
//	  2027-01-05, not listed; Globex's only assessment is rejected: never
//	  assessed.
func TestDueAsOfADayBeforeADecision(t *testing.T) {
	s := newCLISession(t)
	s.env["ASSAY_CONFIG"] = writeFile(t, t.TempDir(), "config.yaml", "cadence:\n  default: 12\n")
	on := func(day string, args ...string) string {
		t.Helper()
		defer onDay(t, day)()
		return s.ok(args...)
	}
	var acme1, acme2, globex string
	func() {
		defer onDay(t, "2025-01-10")()
		acme1 = s.startBuiltin("vendor-security-screen", "Acme", "2025-01-10", vendorAnswers)
	}()
	on("2025-01-12", "review", acme1, "--submit", "--comment", "Ready")
	on("2025-01-20", "--reviewer", "Rui Reviewer", "review", acme1, "--approve", "--comment", "Agreed")
	func() {
		defer onDay(t, "2026-01-05")()
		acme2 = s.startBuiltin("vendor-security-screen", "Acme", "2026-01-05", vendorAnswers)
		globex = s.startBuiltin("vendor-security-screen", "Globex", "2026-01-05", vendorAnswers)
	}()
	on("2026-01-06", "review", acme2, "--submit", "--comment", "Ready")
	on("2026-01-06", "review", globex, "--submit", "--comment", "Ready")
	on("2026-02-10", "--reviewer", "Rui Reviewer", "review", acme2, "--approve", "--comment", "Agreed")
	on("2026-02-10", "--reviewer", "Rui Reviewer", "review", globex, "--reject", "--comment", "Evidence missing")

	due := func(day string) map[string]string {
		t.Helper()
		var rows []dueRow
		if err := json.Unmarshal([]byte(on("2026-03-01", "due", "--json", "--within", "0", "--as-of", day)), &rows); err != nil {
			t.Fatal(err)
		}
		got := map[string]string{}
		for _, r := range rows {
			got[r.Name] = fmt.Sprintf("%s last #%d approved %v due %q days %d in progress #%d", r.State, r.Last, r.LastApproved, r.Due, r.DaysLeft, r.InProgress)
		}
		return got
	}
	for day, want := range map[string]map[string]string{
		"2026-02-01": {"Acme": fmt.Sprintf("overdue last #%s approved true due \"2026-01-10\" days -22 in progress #%s", acme1, acme2)},
		"2026-02-10": {"Globex": "never-assessed last #0 approved false due \"\" days 0 in progress #0"},
	} {
		if got := due(day); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("due as of %s:\n got %v\nwant %v", day, got, want)
		}
	}
}
