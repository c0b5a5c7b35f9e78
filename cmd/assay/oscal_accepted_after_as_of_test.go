package main

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// The OSCAL documents carry the mark the report and CSV carry
// (accepted_after_as_of_test.go): made --as-of a day before a risk was
// accepted, the POA&M's and the assessment results' "Risk accepted" log
// entry started after the document's own date with nothing to say so,
// and a tool or reader took it as an acceptance in force on that day.
// The entry now has the property accepted-after-document-date and a
// remark naming both days; as of the day it was given it has neither.
// Both documents still validate against NIST's schema.
//
// Worked out by hand: vendor-security-screen assessed 2026-01-31 with mfa
// answered no gives mfa (high, due 2026-03-02); accepted today until
// 2027-06-30.
func TestOSCALAcceptanceRecordedAfterTheAsOfDayIsMarked(t *testing.T) {
	s := newCLISession(t)
	before := time.Now().Format(time.DateOnly)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	s.ok("plan", id, "--item", "mfa", "--accept-approver", "CISO", "--accept-reason", "Keys on order", "--accept-expires", "2027-06-30")
	day := readPlanCSV(t, s.ok("plan", id, "--csv"))["mfa"]["Accepted on"]
	if day != before && day != time.Now().Format(time.DateOnly) {
		t.Fatalf("mfa accepted on %q, want today", day)
	}
	sch := oscalSchema(t)
	type entry struct {
		Title   string
		Remarks string
		Props   []struct{ Name, Value string }
	}
	acceptedEntry := func(format, asOf string) entry {
		t.Helper()
		out := s.ok("report", id, "--format", format, "--as-of", asOf)
		validOSCAL(t, sch, out)
		var doc map[string]struct {
			Risks []struct {
				Title   string
				RiskLog struct{ Entries []entry } `json:"risk-log"`
			}
			Results []struct {
				Risks []struct {
					Title   string
					RiskLog struct{ Entries []entry } `json:"risk-log"`
				}
			}
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		for _, d := range doc {
			risks := d.Risks
			for _, r := range d.Results {
				risks = append(risks, r.Risks...)
			}
			for _, r := range risks {
				for _, e := range r.RiskLog.Entries {
					if r.Title == "High: mfa" && e.Title == "Risk accepted" {
						return e
					}
				}
			}
		}
		t.Fatalf("%s as of %s: no Risk accepted entry for mfa:\n%s", format, asOf, out)
		return entry{}
	}
	marked := func(e entry) (prop string, ok bool) {
		for _, p := range e.Props {
			if p.Name == "accepted-after-document-date" {
				return p.Value, true
			}
		}
		return "", false
	}
	for _, format := range []string{"oscal-poam", "oscal-assessment-results"} {
		e := acceptedEntry(format, "2026-03-15")
		wantRemark := "Accepted on " + day + ", after this document's date (2026-03-15)."
		if v, ok := marked(e); !ok || v != "true" || !strings.Contains(e.Remarks, wantRemark) {
			t.Errorf("%s as of 2026-03-15: the acceptance given on %s is not marked (props %v, remarks %q); want accepted-after-document-date and %q",
				format, day, e.Props, e.Remarks, wantRemark)
		}
		e = acceptedEntry(format, day)
		if _, ok := marked(e); ok || strings.Contains(e.Remarks, "after this document's date") {
			t.Errorf("%s as of %s, the day it was given: marked as given after (props %v, remarks %q)", format, day, e.Props, e.Remarks)
		}
	}
}
