package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// The OSCAL documents date each change by the audit record that made it:
// the POA&M's "Deadline moved" and "Risk accepted" entries start when the
// deadline was moved and the risk accepted (not on the assessment's day,
// and not when the item's owner was changed afterwards), and an answer is
// "collected" when it was recorded (not at midnight of that day). Both
// documents still validate against NIST's schema.
func TestOSCALDatesChangesByTheirRecords(t *testing.T) {
	s, id, _ := exportedVendor(t)
	// A later change of the accepted item's owner is not its acceptance.
	s.ok("plan", id, "--item", "deletion", "--owner", "Kim Lee")
	file := t.TempDir() + "/acme.json"
	s.ok("export", id, "-o", file)
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var exported struct {
		Events []struct{ At, Kind, Target, New string }
	}
	if err := json.Unmarshal(raw, &exported); err != nil {
		t.Fatal(err)
	}
	// The records that made each change, as the trail has them.
	var movedAt, acceptedAt, ownerAt, answeredAt string
	for _, e := range exported.Events {
		switch {
		case e.Kind == "plan" && e.Target == "mfa" && strings.Contains(e.New, `"due_reason":"SSO rollout"`):
			movedAt = e.At
		case e.Kind == "plan" && e.Target == "deletion" && strings.Contains(e.New, `"owner":"Kim Lee"`):
			ownerAt = e.At
		case e.Kind == "plan" && e.Target == "deletion" && strings.Contains(e.New, `"approver":"CISO"`):
			acceptedAt = e.At
		case e.Kind == "answer" && e.Target == "mfa":
			answeredAt = e.At // the last one stands
		}
	}
	if movedAt == "" || acceptedAt == "" || ownerAt == "" || answeredAt == "" || ownerAt == acceptedAt {
		t.Fatalf("the trail: moved %q, accepted %q, owner %q, answered %q", movedAt, acceptedAt, ownerAt, answeredAt)
	}
	sch := oscalSchema(t)
	poam := s.ok("report", id, "--format", "oscal-poam", "--as-of", "2026-03-20")
	validOSCAL(t, sch, poam)
	ar := s.ok("report", id, "--format", "oscal-assessment-results", "--as-of", "2026-03-20")
	validOSCAL(t, sch, ar)

	type observation struct{ Title, Collected string }
	type risk struct {
		Title   string
		RiskLog struct {
			Entries []struct{ Title, Start, End string }
		} `json:"risk-log"`
	}
	var p struct {
		Doc struct {
			Observations []observation
			Risks        []risk
		} `json:"plan-of-action-and-milestones"`
	}
	var r struct {
		Doc struct {
			Results []struct{ Observations []observation }
		} `json:"assessment-results"`
	}
	if err := json.Unmarshal([]byte(poam), &p); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(ar), &r); err != nil {
		t.Fatal(err)
	}
	entries := map[string][2]string{}
	for _, rk := range p.Doc.Risks {
		for _, e := range rk.RiskLog.Entries {
			entries[rk.Title+" / "+e.Title] = [2]string{e.Start, e.End}
		}
	}
	for name, want := range map[string][2]string{
		"High: mfa / Deadline moved":     {movedAt, ""},
		"High: deletion / Risk accepted": {acceptedAt, "2026-09-30T23:59:59Z"},
		"High: mfa / Identified":         {"2026-01-31T00:00:00Z", ""},
	} {
		if got := entries[name]; got != want {
			t.Errorf("%s: start, end = %q, want %q", name, got, want)
		}
	}
	for doc, obs := range map[string][]observation{"POA&M": p.Doc.Observations, "assessment results": r.Doc.Results[0].Observations} {
		found := false
		for _, o := range obs {
			if o.Title == "Answer to mfa" {
				found = true
				if o.Collected != answeredAt {
					t.Errorf("%s: the answer to mfa collected %s, want %s, its record's time", doc, o.Collected, answeredAt)
				}
			}
		}
		if !found {
			t.Errorf("%s: no observation of the answer to mfa", doc)
		}
	}
}
