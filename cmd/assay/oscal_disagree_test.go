package main

import (
	"strings"
	"testing"
)

// The OSCAL assessment results list each check that holds as an
// observation, with the answers and the explanation (who, when, why), in
// a document NIST's schema accepts; the explanation's escape sequences
// and markup do not come through.
func TestOSCALListsDisagreementsWithTheirExplanations(t *testing.T) {
	sch := oscalSchema(t)
	s := newCLISession(t)
	id := s.startBuiltin("fairness-aia", "Loan model", "2026-03-01", "bias-testing: 'yes'\nintersectional-testing: not-measured\n")
	s.ok("--reviewer", "Ana Analyst", "explain", id, "groups-tested-yet-none-compared", "One by one \x1b[31m<b>only</b>.")
	out := s.ok("report", id, "--format", "oscal-assessment-results", "--as-of", "2026-03-15")
	validOSCAL(t, sch, out)
	var found map[string]any
	for _, o := range readAR(t, out).AR.Results[0].Observations {
		if o["title"] == "Answers that disagree: groups-tested-yet-none-compared" {
			found = o
		}
	}
	if found == nil {
		t.Fatalf("no observation of the disagreement:\n%s", out)
	}
	remarks, _ := found["remarks"].(string)
	if !strings.Contains(remarks, "Explained by Ana Analyst on ") || !strings.Contains(remarks, "One by one") ||
		strings.ContainsRune(remarks, 0x1b) || strings.Contains(remarks, "<b>") {
		t.Errorf("the observation's remarks: %q", remarks)
	}
}

// An explanation written on two lines reads on two in an OSCAL viewer:
// each line a paragraph of the observation's remarks (markup-multiline),
// where it was run into one line.
func TestOSCALKeepsTheLinesOfAnExplanation(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("fairness-aia", "Loan model", "2026-03-01", "bias-testing: 'yes'\nintersectional-testing: not-measured\n")
	s.ok("--reviewer", "Ana Analyst", "explain", id, "groups-tested-yet-none-compared", "Compared one by one.\n# No combination was measured.")
	out := s.ok("report", id, "--format", "oscal-assessment-results", "--as-of", "2026-03-15")
	validOSCAL(t, oscalSchema(t), out)
	for _, o := range readAR(t, out).AR.Results[0].Observations {
		if o["title"] != "Answers that disagree: groups-tested-yet-none-compared" {
			continue
		}
		remarks, _ := o["remarks"].(string)
		if want := ": Compared one by one.\n\n\\# No combination was measured."; !strings.HasSuffix(remarks, want) {
			t.Errorf("the observation's remarks:\n%q\nwant them to end\n%q", remarks, want)
		}
		return
	}
	t.Fatalf("no observation of the disagreement:\n%s", out)
}
