package main

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/assay-dev/assay/assess"
)

// arDoc is the part of an OSCAL assessment results document the tests read.
type arDoc struct {
	AR struct {
		UUID     string `json:"uuid"`
		ImportAP struct {
			Href string `json:"href"`
		} `json:"import-ap"`
		Results []struct {
			ReviewedControls struct {
				ControlSelections []struct {
					Description     string `json:"description"`
					IncludeControls []struct {
						ControlID string `json:"control-id"`
					} `json:"include-controls"`
				} `json:"control-selections"`
			} `json:"reviewed-controls"`
			Observations []map[string]any `json:"observations"`
			Findings     []map[string]any `json:"findings"`
			Risks        []map[string]any `json:"risks"`
		} `json:"results"`
		BackMatter struct {
			Resources []struct {
				UUID  string `json:"uuid"`
				Props []struct{ Name, Value string }
			} `json:"resources"`
		} `json:"back-matter"`
	} `json:"assessment-results"`
}

func readAR(t *testing.T, out string) arDoc {
	t.Helper()
	var doc arDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("assessment results do not parse: %v", err)
	}
	if len(doc.AR.Results) != 1 {
		t.Fatalf("%d results, want 1", len(doc.AR.Results))
	}
	return doc
}

// byUUID indexes a list of OSCAL objects by their uuid.
func byUUID(list []map[string]any) map[string]map[string]any {
	out := map[string]map[string]any{}
	for _, o := range list {
		out[o["uuid"].(string)] = o
	}
	return out
}

// Every built-in questionnaire, answered at its worst with hostile notes,
// exports assessment results that NIST's schema accepts, the same twice
// over; every UUID a finding or risk refers to is in the document; and
// the POA&M's observations, findings and risks are in it with the same
// UUIDs and the same content, so a tool can join the two.
func TestOSCALAssessmentResultsValidate(t *testing.T) {
	sch := oscalSchema(t)
	eachWorstBuiltin(t, func(t *testing.T, s *cliSession, q *assess.Questionnaire, id string) {
		out := s.ok("report", id, "--format", "oscal-assessment-results", "--as-of", "2026-03-15")
		validOSCAL(t, sch, out)
		if again := s.ok("report", id, "--format", "oscal-assessment-results", "--as-of", "2026-03-15"); again != out {
			t.Error("two exports of the same assessment differ")
		}
		doc := readAR(t, out)
		res := doc.AR.Results[0]
		obs, risks := byUUID(res.Observations), byUUID(res.Risks)
		for _, f := range res.Findings {
			for _, r := range asList(f["related-observations"]) {
				if obs[r["observation-uuid"].(string)] == nil {
					t.Errorf("finding %v names a missing observation", f["title"])
				}
			}
			for _, r := range asList(f["related-risks"]) {
				if risks[r["risk-uuid"].(string)] == nil {
					t.Errorf("finding %v names a missing risk", f["title"])
				}
			}
		}
		if len(res.Observations) == 0 {
			t.Error("no observations")
		}

		if q.ID == "prescreen" {
			// It maps no control and makes no plan: its questions are
			// the objectives reviewed.
			if len(res.Risks) != 0 || len(res.Findings) != 0 || len(res.ReviewedControls.ControlSelections[0].IncludeControls) != 0 {
				t.Errorf("a pre-screen maps no control and has no plan, yet %d risks, %d findings, %v", len(res.Risks), len(res.Findings), res.ReviewedControls)
			}
			return
		}
		if len(res.Findings) == 0 {
			t.Error("no findings")
		}
		var poam struct {
			POAM struct {
				UUID         string           `json:"uuid"`
				Observations []map[string]any `json:"observations"`
				Findings     []map[string]any `json:"findings"`
				Risks        []map[string]any `json:"risks"`
			} `json:"plan-of-action-and-milestones"`
		}
		if err := json.Unmarshal([]byte(s.ok("report", id, "--format", "oscal-poam", "--as-of", "2026-03-15")), &poam); err != nil {
			t.Fatal(err)
		}
		findings := byUUID(res.Findings)
		for kind, pair := range map[string][2][]map[string]any{
			"observation": {poam.POAM.Observations, res.Observations},
			"finding":     {poam.POAM.Findings, res.Findings},
			"risk":        {poam.POAM.Risks, res.Risks},
		} {
			in := map[string]map[string]map[string]any{"observation": obs, "finding": findings, "risk": risks}[kind]
			for _, p := range pair[0] {
				if got := in[p["uuid"].(string)]; !reflect.DeepEqual(got, p) {
					t.Errorf("the POA&M's %s %v is not in the assessment results as it is in the POA&M:\nPOA&M %v\nAR    %v", kind, p["title"], p, got)
				}
			}
		}
		var poamRef string
		for _, r := range doc.AR.BackMatter.Resources {
			for _, p := range r.Props {
				if p.Name == "poam-uuid" {
					poamRef = p.Value
				}
			}
		}
		if poamRef != poam.POAM.UUID {
			t.Errorf("the back matter names POA&M %q; the POA&M is %q", poamRef, poam.POAM.UUID)
		}
	})
}

func asList(v any) []map[string]any {
	var out []map[string]any
	l, _ := v.([]any)
	for _, e := range l {
		out = append(out, e.(map[string]any))
	}
	return out
}

// The vendor screen with mfa no, policy no, access-review partial and the
// rest yes, worked out by hand from the questionnaire's mappings: 30 ISO
// controls reviewed (A.8.31 and A.8.32 by the change-management questions
// since vendor-security-screen 2.8.0, A.5.12 by data-sensitivity since
// 2.10.0); not satisfied are A.5.1 (policy), A.8.5 and A.5.17 (mfa), and
// A.5.18 (access-review partial, leavers met: partly met); A.5.12 has no
// finding at all: data-sensitivity only says what data the vendor holds, so
// the control is context only, neither satisfied nor not (it read satisfied
// until coverage stopped counting context as evidence); the other 25 are
// satisfied (A.5.34 by own-use alone; A.5.16 and A.8.2 by least-privilege,
// since vendor-security-screen 2.6.0). SOC 2 CC6.1 holds
// mfa (gap), least-privilege and encryption-rest (met): not satisfied,
// related to the three answers and to the mfa risk only.
func TestOSCALAssessmentResultsControls(t *testing.T) {
	sch := oscalSchema(t)
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	out := s.ok("report", id, "--format", "oscal-assessment-results", "--as-of", "2026-02-01")
	doc := readAR(t, out)
	res := doc.AR.Results[0]

	var isoReviewed []string
	for _, sel := range res.ReviewedControls.ControlSelections {
		if sel.Description == "ISO/IEC 27001:2022" {
			for _, c := range sel.IncludeControls {
				isoReviewed = append(isoReviewed, c.ControlID)
			}
		}
	}
	if len(isoReviewed) != 30 {
		t.Errorf("%d ISO controls reviewed, want 30: %v", len(isoReviewed), isoReviewed)
	}
	state := map[string]string{} // framework/control -> state
	var cc61 map[string]any
	for _, f := range res.Findings {
		var fw string
		for _, p := range asList(f["props"]) {
			if p["name"] == "framework" {
				fw = p["value"].(string)
			}
		}
		if fw == "" {
			continue // a question's finding, as in the POA&M
		}
		target := f["target"].(map[string]any)
		key := fw + "/" + target["target-id"].(string)
		state[key] = target["status"].(map[string]any)["state"].(string)
		if key == "soc2/CC6.1" {
			cc61 = f
		}
	}
	var notSatisfied []string
	satisfied := 0
	for k, v := range state {
		if !strings.HasPrefix(k, "iso27001/") {
			continue
		}
		if v == "not-satisfied" {
			notSatisfied = append(notSatisfied, strings.TrimPrefix(k, "iso27001/"))
		} else if v == "satisfied" {
			satisfied++
		}
	}
	slices.Sort(notSatisfied)
	if want := []string{"A.5.1", "A.5.17", "A.5.18", "A.8.5"}; !slices.Equal(notSatisfied, want) || satisfied != 25 {
		t.Errorf("ISO not satisfied %v (want %v), satisfied %d (want 25)", notSatisfied, want, satisfied)
	}
	if st, found := state["iso27001/A.5.12"]; found {
		t.Errorf("A.5.12, behind data-sensitivity alone, has a finding %q: classifying the data is no evidence either way", st)
	}
	if cc61 == nil || state["soc2/CC6.1"] != "not-satisfied" {
		t.Fatalf("CC6.1: %v", cc61)
	}
	obs := byUUID(res.Observations)
	var behind []string
	for _, r := range asList(cc61["related-observations"]) {
		behind = append(behind, obs[r["observation-uuid"].(string)]["title"].(string))
	}
	slices.Sort(behind)
	if want := []string{"Answer to encryption-rest", "Answer to least-privilege", "Answer to mfa"}; !slices.Equal(behind, want) {
		t.Errorf("CC6.1 observations %v, want %v", behind, want)
	}
	risks := byUUID(res.Risks)
	if rr := asList(cc61["related-risks"]); len(rr) != 1 || risks[rr[0]["risk-uuid"].(string)]["title"] != "High: mfa" {
		t.Errorf("CC6.1 risks %v", rr)
	}
	if len(res.Risks) != 3 {
		t.Errorf("%d risks, want the plan's 3", len(res.Risks))
	}

	// The validator does catch mistakes: a finding without its state.
	broken := strings.Replace(out, `"state": "not-satisfied"`, `"state": "unknown"`, 1)
	if bi, _ := jsonschema.UnmarshalJSON(strings.NewReader(broken)); sch.Validate(bi) == nil {
		t.Fatal("assessment results with a finding in an unknown state passed the schema")
	}
	if code, _, errOut := s.run("", "report", id, "--format", "oscal-ar"); code == 0 || !strings.Contains(errOut, "oscal-assessment-results") {
		t.Errorf("an unknown format: exit %d, %s", code, errOut)
	}
}

// A blank assessment's results say its level is not rated yet, with the
// worst and best cases apart (the vendor screen: critical and low), and
// still validate: "level" gave the worst case, critical, as if it were
// the result.
func TestOSCALAssessmentResultsOfABlankAssessment(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	out := s.ok("report", id, "--format", "oscal-assessment-results", "--as-of", "2026-03-15")
	validOSCAL(t, oscalSchema(t), out)
	var doc struct {
		AR struct {
			Results []struct {
				Props []struct{ Name, Value string } `json:"props"`
			} `json:"results"`
		} `json:"assessment-results"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.AR.Results) != 1 {
		t.Fatalf("%v, %d results", err, len(doc.AR.Results))
	}
	var got []string
	for _, p := range doc.AR.Results[0].Props {
		got = append(got, p.Name+"="+p.Value)
	}
	want := []string{"complete=false", "questions-answered=0 of 33", "scoring-version=" + assess.ScoringVersion,
		"level=not-rated-yet", "level-worst-case=critical", "level-best-case=low"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("result props %v, want %v", got, want)
	}
}
