package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// A gap below the level where a finding_if obligation starts is no
// evidence that a control is met. The helpdesk article suggestions
// (impact level I) have no alert thresholds (monitoring-alerts "no", a
// level III obligation) and no outside review (independent-review "no",
// level II). Worked by hand from fairness-aia's mappings: DE.AE-06 sits
// behind monitoring-alerts alone and is "not required at this level" (it
// read met); PI1.4 has four met questions and monitoring-alerts behind
// it and is partly met (it read met). NIST CSF: 9 controls, 6 met, 1
// partly met (ID.IM-02), 1 not required, 1 not applicable. OSCAL: DE.AE-06
// is not satisfied (reason other), not satisfied as before.
func TestCoverageGapNotRequiredAtThisLevel(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "fairness-aia", "-s", "Helpdesk article suggestions", "--date", "2026-01-10"))
	s.ok("answer", id, "-f", filepath.Join("..", "..", "questionnaires", "testdata", "verdicts", "fairness-helpdesk-article-suggestions-internal.yaml"))

	out := s.ok("coverage", id, "--framework", "nist-csf")
	for _, want := range []string{
		"NIST CSF 2.0: 9 controls touched: 6 met, 1 partly met, 1 not required at this level, 1 not applicable\n",
		"  DE.AE-06  not required at this level",
		"monitoring-alerts (gap, not required at this level)\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}

	var got struct {
		Frameworks []struct {
			Framework string `json:"framework"`
			Summary   struct {
				Met         int
				PartlyMet   int `json:"partly_met"`
				NotRequired int `json:"not_required_at_this_level"`
			} `json:"summary"`
			Controls []struct {
				ID, Status string
				Questions  []struct {
					ID, Status     string
					GapNotRequired bool `json:"gap_not_required"`
				}
			} `json:"controls"`
		} `json:"frameworks"`
	}
	if err := json.Unmarshal([]byte(s.ok("coverage", id, "--json")), &got); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"DE.AE-06": "not required at this level", "PI1.4": "partly met", "CC4.1": "partly met"}
	for _, f := range got.Frameworks {
		if f.Framework == "nist-csf" && (f.Summary.Met != 6 || f.Summary.PartlyMet != 1 || f.Summary.NotRequired != 1) {
			t.Errorf("NIST CSF summary %+v, want 6 met, 1 partly met, 1 not required", f.Summary)
		}
		if f.Framework == "soc2" && (f.Summary.Met != 8 || f.Summary.PartlyMet != 2 || f.Summary.NotRequired != 0) {
			t.Errorf("SOC 2 summary %+v, want 8 met, 2 partly met", f.Summary)
		}
		for _, c := range f.Controls {
			if w, ok := want[c.ID]; ok && c.Status != w {
				t.Errorf("%s %s: %s, want %s", f.Framework, c.ID, c.Status, w)
			}
			if c.ID == "DE.AE-06" && (len(c.Questions) != 1 || c.Questions[0].Status != "answered" || !c.Questions[0].GapNotRequired) {
				t.Errorf("DE.AE-06 questions %+v, want monitoring-alerts answered, a gap not required", c.Questions)
			}
		}
	}

	report := s.ok("report", id)
	for _, want := range []string{
		"| Framework | Controls touched | Met | Partly met | Gap | Not required at this level | Not answered or N/A |",
		"| NIST CSF 2.0 | 9 | 6 | 1 | 0 | 1 | 1 |",
		"| `DE.AE-06` | Information on adverse events is provided to authorized staff and tools | not required at this level | `monitoring-alerts` |",
	} {
		if !strings.Contains(report, want) {
			t.Errorf("the report lacks %q", want)
		}
	}

	// OSCAL: DE.AE-06 and PI1.4 were satisfied; the measure is missing, so
	// they are not satisfied, for a reason other than a failure.
	ar := readAR(t, s.ok("report", id, "--format", "oscal-assessment-results", "--as-of", "2026-02-01"))
	found := map[string]bool{}
	for _, f := range ar.AR.Results[0].Findings {
		title, _ := f["title"].(string)
		for _, ctl := range []string{"DE.AE-06", "PI1.4"} {
			if !strings.Contains(title, " "+ctl+" ") {
				continue
			}
			found[ctl] = true
			st := f["target"].(map[string]any)["status"].(map[string]any)
			if st["state"] != "not-satisfied" || st["reason"] != "other" {
				t.Errorf("OSCAL %s: %v, want not-satisfied for another reason", ctl, st)
			}
			if d, _ := f["description"].(string); !strings.Contains(d, "monitoring-alerts (gap, not required at this level)") {
				t.Errorf("OSCAL %s description %q does not say monitoring-alerts is a gap not required", ctl, d)
			}
		}
	}
	if !found["DE.AE-06"] || !found["PI1.4"] {
		t.Errorf("OSCAL findings for DE.AE-06 and PI1.4: %v", found)
	}
}
