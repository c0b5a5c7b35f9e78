package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// assay due and assay overdue judge on any day --as-of takes (up to
// 9999-12-31) and count the days late as they are: counted through a
// time.Duration, which holds about 292 years, every span longer than that
// read 106751 days, and items years apart tied.
func TestDueAndOverdueCountDaysCenturiesAway(t *testing.T) {
	s := newCLISession(t)
	s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", "mfa: no")
	const asOf = "2400-01-01"
	end := time.Date(2400, 1, 1, 0, 0, 0, 0, time.UTC)
	days := func(from string) int {
		f, err := time.Parse(time.DateOnly, from)
		if err != nil {
			t.Fatal(err)
		}
		// Unix seconds hold the span a Duration cannot.
		return int((end.Unix() - f.Unix()) / 86400)
	}

	var overdue struct {
		Items []struct {
			Item string `json:"item"`
			Due  string `json:"due"`
			Late int    `json:"days_overdue"`
		} `json:"overdue"`
	}
	if err := json.Unmarshal([]byte(s.ok("overdue", "--as-of", asOf, "--json")), &overdue); err != nil {
		t.Fatal(err)
	}
	if len(overdue.Items) == 0 {
		t.Fatal("overdue listed nothing")
	}
	for _, it := range overdue.Items {
		if want := days(it.Due); it.Late != want {
			t.Errorf("overdue: %s due %s is %d days late on %s, want %d", it.Item, it.Due, it.Late, asOf, want)
		}
	}

	var subjects []struct {
		Name string `json:"name"`
		Due  string `json:"due"`
		Left int    `json:"days_left"`
	}
	if err := json.Unmarshal([]byte(s.ok("due", "--as-of", asOf, "--json")), &subjects); err != nil {
		t.Fatal(err)
	}
	if len(subjects) != 1 {
		t.Fatalf("due listed %d subjects, want Acme", len(subjects))
	}
	if got, want := subjects[0].Left, -days(subjects[0].Due); got != want {
		t.Errorf("due: Acme due %s has %d days left on %s, want %d", subjects[0].Due, got, asOf, want)
	}
}

// An assessment's items are due on its date plus their deadlines, and a
// due date after 9999-12-31 cannot be written as YYYY-MM-DD: an
// assessment dated 9999-12-01 was stored with a medium item due
// "10000-02-29", after which its plan, the list of every assessment and
// verify all read the database as changed outside assay. `assay new`
// takes no day after today, but the store, which import and a clock set
// far ahead reach, refuses such a date, naming the deadline that runs
// past the last day; one whose items all fall due by 9999-12-31 is kept
// and reads back.
func TestAssessmentDateWhoseItemsFallDueAfter9999Refused(t *testing.T) {
	s := newCLISession(t)
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	q, ok := lib.Get("vendor-security-screen")
	if !ok {
		t.Fatal("no vendor-security-screen")
	}
	create := func(day assess.Date) error {
		db := s.openStore()
		defer db.Close()
		return db.CreateAssessment(assess.WithActor(context.Background(), "Dana Reyes"),
			&assess.Assessment{Subject: "Far", SubjectKind: "vendor", Reviewer: "Dana Reyes", Questionnaire: q, AssessedOn: day})
	}
	if err := create(assess.NewDate(9999, 12, 1)); err == nil || !strings.Contains(err.Error(), "items due after 9999-12-31") {
		t.Errorf("an assessment dated 9999-12-01: %v", err)
	}
	if out := s.ok("list"); strings.Contains(out, "Far") {
		t.Errorf("the refused assessment was recorded:\n%s", out)
	}
	if err := create(assess.NewDate(9999, 7, 4)); err != nil { // + 180 days: 9999-12-31
		t.Fatal(err)
	}
	s.ok("answer", "1", "-f", writeFile(t, t.TempDir(), "a.yaml", "answers:\n  access-review: partial\n"))
	if plan := readPlanCSV(t, s.ok("plan", "1", "--csv")); plan["access-review"]["Due"] != "9999-12-31" {
		t.Errorf("access-review (low, 180 days) due %q, want 9999-12-31", plan["access-review"]["Due"])
	}
	s.ok("list")
	s.ok("verify")
}
