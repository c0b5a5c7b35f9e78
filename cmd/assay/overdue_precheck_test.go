package main

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// assay overdue loads in full only the assessments its pre-check says
// may have an item overdue (mayBeOverdue), and an assessment is judged on
// the day of the latest sign-off it shows while --as-of (or today) is
// before it. The pre-check skipped every draft that was not a revision,
// though a draft can be signed: one submitted and withdrawn is a draft
// again with both steps on its record, and its plan and report are judged
// on the withdrawal's day; so is a draft with a DPO opinion. Its overdue
// items were left out of the list its own plan shows them in.
//
// Worked out by hand: vendor-security-screen assessed 2026-01-31 with the
// answers of vendorAnswers gives mfa (high, 30 days: due 2026-03-02).
// Every assessment below has it and nothing else is asked of it; each
// case is a day the list is asked for and the day it is judged on:
//
//	unsigned    as of 03-02: judged 03-02, due today: not overdue
//	            as of 03-03: judged 03-03: 1 day late
//	on-due-day  submitted 03-02; as of 03-01: judged 03-02, due that day: not overdue
//	withdrawn   submitted 03-02, withdrawn 03-03 (a draft); as of 03-01: judged 03-03: 1 day late
//	revision    approved 03-04, revised 03-05 (a draft, which shows that
//	            approval); as of 03-01: judged 03-04: 2 days late, listed
//	            once, from the revision
//	ahead       submitted 03-05 by a colleague whose day it already was;
//	            today is 03-01 here (no --as-of): judged 03-05: 3 days late
func TestOverduePrecheckMissesNothingASignOffMakesOverdue(t *testing.T) {
	s := newCLISession(t)
	restore := onDay(t, "2026-02-01")
	ids := map[string]string{}
	for _, name := range []string{"unsigned", "on-due-day", "withdrawn", "revised", "ahead"} {
		ids[name] = s.startBuiltin("vendor-security-screen", name+" Ltd", "2026-01-31", vendorAnswers)
	}
	restore()
	on := func(day string, args ...string) {
		t.Helper()
		defer onDay(t, day)()
		s.ok(args...)
	}
	on("2026-03-02", "review", ids["on-due-day"], "--submit", "--comment", "Ready")
	on("2026-03-02", "review", ids["withdrawn"], "--submit", "--comment", "Ready")
	on("2026-03-03", "review", ids["withdrawn"], "--withdraw", "--comment", "Answers to check")
	on("2026-03-02", "review", ids["revised"], "--submit", "--comment", "Ready")
	on("2026-03-04", "--reviewer", "Rui Reviewer", "review", ids["revised"], "--approve", "--comment", "Agreed")
	var revision string
	func() {
		defer onDay(t, "2026-03-05")()
		revision = strings.TrimSpace(s.ok("revise", ids["revised"]))
	}()
	ids["revision"] = revision
	on("2026-03-05", "review", ids["ahead"], "--submit", "--comment", "Ready")

	mfaLate := func(args ...string) map[string]string {
		t.Helper()
		var got struct {
			Overdue []struct {
				Assessment int64
				Item       string
				Late       int    `json:"days_overdue"`
				JudgedOn   string `json:"judged_on"`
			}
		}
		if err := json.Unmarshal([]byte(s.ok(append([]string{"overdue", "--json"}, args...)...)), &got); err != nil {
			t.Fatal(err)
		}
		byID := map[string]string{}
		for name, id := range ids {
			byID[id] = name
		}
		late := map[string]string{}
		for _, it := range got.Overdue {
			if it.Item != "mfa" {
				continue
			}
			name := byID[fmt.Sprint(it.Assessment)]
			if _, twice := late[name]; twice {
				t.Errorf("%v: %s's mfa listed twice", args, name)
			}
			late[name] = fmt.Sprintf("%d days on %s", it.Late, it.JudgedOn)
		}
		return late
	}
	for _, c := range []struct {
		today string
		args  []string
		want  map[string]string
	}{
		{"2026-04-01", []string{"--as-of", "2026-03-02"}, map[string]string{
			"withdrawn": "1 days on 2026-03-03", "revision": "2 days on 2026-03-04", "ahead": "3 days on 2026-03-05"}},
		{"2026-04-01", []string{"--as-of", "2026-03-03"}, map[string]string{
			"unsigned": "1 days on 2026-03-03", "on-due-day": "1 days on 2026-03-03",
			"withdrawn": "1 days on 2026-03-03", "revision": "2 days on 2026-03-04", "ahead": "3 days on 2026-03-05"}},
		{"2026-04-01", []string{"--as-of", "2026-03-01"}, map[string]string{
			"withdrawn": "1 days on 2026-03-03", "revision": "2 days on 2026-03-04", "ahead": "3 days on 2026-03-05"}},
		// Today here is behind the day the colleague signed on.
		{"2026-03-01", nil, map[string]string{
			"withdrawn": "1 days on 2026-03-03", "revision": "2 days on 2026-03-04", "ahead": "3 days on 2026-03-05"}},
	} {
		var got map[string]string
		func() {
			defer onDay(t, c.today)()
			got = mfaLate(c.args...)
		}()
		if fmt.Sprint(got) != fmt.Sprint(c.want) {
			t.Errorf("today %s, overdue %v: mfa late %v\n want %v", c.today, c.args, got, c.want)
		}
	}
}
