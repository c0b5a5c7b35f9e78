package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// The vendor screen's first question says what data the vendor will hold;
// it scores no gap either way, so it is no evidence that a control is met.
// With only it answered (special-category data), worked by hand from its
// mappings: A.5.12, ID.AM-05 and C1.1 sit behind it alone and are context
// only; A.5.19, GV.SC-04 and CC9.2 have vendor questions behind them too,
// all unanswered, so they are not yet answered. Every other control is not
// yet answered. Nothing is met or partly met. Coverage once read A.5.12
// "met" and A.5.19 "partly met" here.
func TestCoverageContextOnlyVendorScreen(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Clinic Messaging Ltd", "2026-01-10", "data-sensitivity: special")

	out := s.ok("coverage", id, "--framework", "iso27001")
	for _, want := range []string{
		"ISO/IEC 27001:2022: 30 controls touched: 1 context only, 29 not yet answered\n",
		"  A.5.12  context only      Classification of information\n",
		"data-sensitivity (answered)\n",
		"  A.5.19  not yet answered  Information security in supplier relationships\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	if strings.Contains(out, " met ") || strings.Contains(out, "partly met") {
		t.Errorf("a control shows met with only the data classified:\n%s", out)
	}

	var got struct {
		Frameworks []struct {
			Framework string `json:"framework"`
			Summary   struct {
				Touched, Met int
				PartlyMet    int `json:"partly_met"`
				NotAnswered  int `json:"not_answered"`
				ContextOnly  int `json:"context_only"`
			} `json:"summary"`
			Controls []struct {
				ID, Status string
				Questions  []struct{ ID, Status string }
			} `json:"controls"`
		} `json:"frameworks"`
	}
	if err := json.Unmarshal([]byte(s.ok("coverage", id, "--json")), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"A.5.12": "context only", "A.5.19": "not yet answered", "ID.AM-05": "context only",
		"GV.SC-04": "not yet answered", "C1.1": "context only", "CC9.2": "not yet answered"}
	for _, f := range got.Frameworks {
		if f.Summary.ContextOnly != 1 || f.Summary.Met != 0 || f.Summary.PartlyMet != 0 || f.Summary.NotAnswered != f.Summary.Touched-1 {
			t.Errorf("%s summary %+v, want 1 context only and the rest not answered", f.Framework, f.Summary)
		}
		for _, c := range f.Controls {
			if w, ok := want[c.ID]; ok && c.Status != w {
				t.Errorf("%s %s: %s, want %s", f.Framework, c.ID, c.Status, w)
			}
			if c.ID == "A.5.12" && (len(c.Questions) != 1 || c.Questions[0].Status != "answered") {
				t.Errorf("A.5.12 questions %+v, want data-sensitivity answered", c.Questions)
			}
		}
	}
}

// The report's coverage table counts context-only controls in a column of
// their own, and leaves the column out when no control is (a column of
// zeros would only raise the question what it is for).
func TestReportCoverageContextOnlyColumn(t *testing.T) {
	s := newCLISession(t)
	vendor := s.startBuiltin("vendor-security-screen", "Clinic Messaging Ltd", "2026-01-10", "data-sensitivity: special")
	out := s.ok("report", vendor)
	for _, want := range []string{
		"| Framework | Controls touched | Met | Partly met | Gap | Context only | Not answered or N/A |",
		// 30 ISO controls: A.5.12 context only, the other 29 not yet answered.
		"| ISO/IEC 27001:2022 | 30 | 0 | 0 | 0 | 1 | 29 |",
		"| `A.5.12` | Classification of information | context only | `data-sensitivity` |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the vendor screen's report lacks %q", want)
		}
	}
	plain := s.ok("report", s.start("coverage", "Acme Cloud", "2026-01-10", coverageAnswers))
	if !strings.Contains(plain, "| Framework | Controls touched | Met | Partly met | Gap | Not answered or N/A |") || strings.Contains(plain, "Context only") {
		t.Errorf("a report with no context-only control:\n%s", plain)
	}
}
