package export

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// The POA&M dates each risk-log entry by the change it records, as the
// trail says it was made, and each observation by the time the answer was
// recorded: a deadline moved on 3 February at 14:25:07.5 UTC and a risk
// accepted on 5 February at 08:01:02 UTC (its owner set later, on 10
// February, which is not the acceptance) were both dated the assessment's
// day, 31 January at midnight, and an answer saved at 10:15:30 UTC was
// "collected" at midnight.
func TestOSCALDatesChangesByTheTrail(t *testing.T) {
	assessed, _ := assess.ParseDate("2026-01-31")
	expires, _ := assess.ParseDate("2026-09-30")
	moved, _ := assess.ParseDate("2026-04-15")
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// An answer saved in another zone is written in UTC, as the trail has it.
	saved := utc("2026-01-31T10:15:30Z").In(time.FixedZone("CET", 3600))
	mfa := assess.Finding{Key: "mfa", QuestionID: "mfa", Severity: assess.High, Question: "MFA?", Answer: "no"}
	del := assess.Finding{Key: "deletion", QuestionID: "deletion", Severity: assess.Medium, Question: "Deletion?", Answer: "no"}
	ev := &assess.Evaluation{
		Assessment: &assess.Assessment{UUID: "8d1c0a4e-2f4b-4c3e-9a55-0d6f2b7c1e90", Subject: "Acme", AssessedOn: assessed,
			Questionnaire: &assess.Questionnaire{ID: "q", Title: "Q", Version: "1"},
			Answers:       assess.Answers{"mfa": {QuestionID: "mfa", UpdatedAt: saved}}},
		Plan: []assess.PlanItem{
			{Finding: mfa, Action: "Turn on MFA", Due: moved, DefaultDue: assessed.AddDays(30), DueReason: "SSO rollout", Status: assess.ItemOpen},
			{Finding: del, Action: "Delete", Owner: "Sam", Due: assessed.AddDays(90), DefaultDue: assessed.AddDays(90), Status: assess.ItemAccepted,
				Acceptance: &assess.Acceptance{Approver: "CISO", Reason: "public data", Expires: expires}},
		},
	}
	stamps := assess.PlanStamps{
		"mfa": {assess.FieldDue: {By: "Ana", At: utc("2026-02-03T14:25:07.5Z")}},
		"deletion": {assess.FieldStatus: {By: "Ana", At: utc("2026-02-05T08:01:02Z")},
			assess.FieldOwner: {By: "Ana", At: utc("2026-02-10T16:00:00Z")}},
	}
	out, err := OSCALPOAM(ev, assessed.AddDays(48), nil, stamps)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		POAM struct {
			Observations []struct {
				Title, Collected string
			}
			Risks []struct {
				Title   string
				RiskLog struct {
					Entries []struct{ Title, Start, End string }
				} `json:"risk-log"`
			}
		} `json:"plan-of-action-and-milestones"`
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	entries := map[string][2]string{}
	for _, r := range doc.POAM.Risks {
		for _, e := range r.RiskLog.Entries {
			entries[r.Title+" / "+e.Title] = [2]string{e.Start, e.End}
		}
	}
	for name, want := range map[string][2]string{
		"High: mfa / Identified":           {"2026-01-31T00:00:00Z", ""},
		"High: mfa / Deadline moved":       {"2026-02-03T14:25:07.5Z", ""},
		"Medium: deletion / Identified":    {"2026-01-31T00:00:00Z", ""},
		"Medium: deletion / Risk accepted": {"2026-02-05T08:01:02Z", "2026-09-30T23:59:59Z"},
	} {
		if got, ok := entries[name]; !ok || got != want {
			t.Errorf("%s: start, end = %q, want %q", name, got, want)
		}
	}
	collected := map[string]string{}
	for _, o := range doc.POAM.Observations {
		collected[o.Title] = o.Collected
	}
	// The answer to mfa was saved at 10:15:30 UTC; deletion's answer has
	// no time stored (an older row): the assessment's day.
	if collected["Answer to mfa"] != "2026-01-31T10:15:30Z" || collected["Answer to deletion"] != "2026-01-31T00:00:00Z" {
		t.Errorf("collected: %v", collected)
	}

	// A change the trail does not date (a revision imported without the
	// assessment it revises) keeps the assessment's day.
	out, err = OSCALPOAM(ev, assessed.AddDays(48), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	for _, r := range doc.POAM.Risks {
		for _, e := range r.RiskLog.Entries {
			if e.Start != "2026-01-31T00:00:00Z" {
				t.Errorf("without the trail's times, %s / %s starts %s", r.Title, e.Title, e.Start)
			}
		}
	}
}
