package main

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The committee report says, under the risk register, each risk's planned
// measures and the plan items that carry them out; the OSCAL POA&M and
// assessment results said the risks and neither. A fundamental-rights
// assessment of a hospital's rostering system, worked out by hand
// (eu-ai-act-fria; every risk question is shown, so the register numbers
// them R1 discrimination … R6 workers' rights):
//
//   - risk-discrimination significant × significant, after the measures
//     significant × limited: medium, above the acceptable low, so a
//     finding (F2, after workers-informed's high F1) and a plan item. Its
//     measures, hostile text, rely on workers-informed.
//   - risk-workers significant × significant, after limited × limited:
//     low, acceptable, so no finding and before this no OSCAL risk at all.
//     Its measures rely on workers-informed and risk-discrimination, both
//     open and nobody has started either: open, as their own risks are
//     (remediating is for work under way).
//   - risk-privacy negligible × limited, no measures: nothing to say.
//
// So the risk of risk-discrimination has a second remediation, the
// planned measures, naming workers-informed; risk-workers is a risk of
// its own, R6, with its ratings and measures; workers-informed's POA&M
// item relates to its own risk, risk-discrimination's and risk-workers';
// risk-discrimination's to its own and risk-workers'.
func TestOSCALSaysEachRisksPlannedMeasuresAndTheirPlanItems(t *testing.T) {
	s := newCLISession(t)
	id := strings.TrimSpace(s.ok("new", "-q", "eu-ai-act-fria", "-s", "Hospital rostering", "--date", "2026-01-10"))
	s.ok("answer", id, "-f", filepath.Join("..", "..", "questionnaires", "testdata", "verdicts", "fria-hospital-shift-allocation-workers-not-informed.yaml"))
	s.ok("answer", id, "-f", writeFile(t, t.TempDir(), "risks.yaml", `answers:
  risk-discrimination:
    likelihood: significant
    impact: significant
    after: {likelihood: significant, impact: limited}
    measures: "Bias tests <script>alert(1)</script> by [group](http://x) | each `+"`quarter`"+`"
    plan: [workers-informed]
  risk-workers:
    likelihood: significant
    impact: significant
    after: {likelihood: limited, impact: limited}
    measures: Works council consulted
    plan: [workers-informed, risk-discrimination]
  risk-privacy: {likelihood: negligible, impact: limited}
  risk-remedy: {likelihood: negligible, impact: limited}
  risk-dignity: {likelihood: negligible, impact: limited}
`))
	// The risk and observation of risk-workers, as each document has them:
	// the same UUIDs and content in both, so a tool can join them.
	joined := map[string][2]any{}
	const hostileMeasures = `Bias tests &lt;script&gt;alert(1)&lt;/script&gt; by \[group\](http\://x) \| each \` + "`quarter\\`"
	sch := oscalSchema(t)
	for _, format := range []string{"oscal-poam", "oscal-assessment-results"} {
		out := s.ok("report", id, "--format", format, "--as-of", "2026-02-01")
		validOSCAL(t, sch, out)
		var doc struct {
			POAM struct {
				Risks []oscalRisk `json:"risks"`
				Items []struct {
					Title        string `json:"title"`
					RelatedRisks []struct {
						UUID string `json:"risk-uuid"`
					} `json:"related-risks"`
				} `json:"poam-items"`
				Observations []struct{ UUID string } `json:"observations"`
			} `json:"plan-of-action-and-milestones"`
			AR struct {
				Results []struct {
					Risks        []oscalRisk             `json:"risks"`
					Observations []struct{ UUID string } `json:"observations"`
				} `json:"results"`
			} `json:"assessment-results"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		risks, observations := doc.POAM.Risks, doc.POAM.Observations
		if format == "oscal-assessment-results" {
			risks, observations = doc.AR.Results[0].Risks, doc.AR.Results[0].Observations
		}
		titles := map[string]string{} // risk UUID -> title
		byTitle := map[string]oscalRisk{}
		for _, r := range risks {
			titles[r.UUID] = r.Title
			byTitle[r.Title] = r
		}
		want := []string{"High: workers-informed", "Medium: risk-discrimination", "R6. Workers' rights (Charter Articles 27 to 31)"}
		var got []string
		for _, r := range risks {
			got = append(got, r.Title)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%s: risks %q, want %q", format, got, want)
		}

		disc := byTitle["Medium: risk-discrimination"]
		if len(disc.Remediations) != 2 {
			t.Fatalf("%s: risk-discrimination has %d remediations, want its action and its planned measures", format, len(disc.Remediations))
		}
		m := disc.Remediations[1]
		if m.Title != "Planned measures" || m.Lifecycle != "planned" || m.Description != hostileMeasures ||
			!slices.Equal(m.planItems(), []string{"workers-informed"}) ||
			m.Remarks != "Carried out by plan items: F1 workers-informed (open, due 2026-02-09)." {
			t.Errorf("%s: risk-discrimination's planned measures:\n%+v\nwant description %q, plan item workers-informed (F1, high: due 30 days after 2026-01-10)",
				format, m, hostileMeasures)
		}
		if len(byTitle["High: workers-informed"].Remediations) != 1 {
			t.Errorf("%s: workers-informed, no risk of the register, has measures", format)
		}

		workers := byTitle[want[2]]
		if workers.Status != "open" || len(workers.Remediations) != 1 {
			t.Fatalf("%s: risk-workers: %+v", format, workers)
		}
		m = workers.Remediations[0]
		if m.Description != "Works council consulted" || !slices.Equal(m.planItems(), []string{"workers-informed", "risk-discrimination"}) ||
			m.Remarks != "Carried out by plan items: F1 workers-informed (open, due 2026-02-09); F2 risk-discrimination (open, due 2026-04-10)." {
			t.Errorf("%s: risk-workers's planned measures: %+v", format, m)
		}
		facets := map[string]string{}
		for _, c := range workers.Characterizations {
			for _, f := range c.Facets {
				facets[f.Name] = f.Value
			}
		}
		wantFacets := map[string]string{"severity": "low", "likelihood": "significant", "impact": "significant", "adjusted-likelihood": "limited", "adjusted-impact": "limited"}
		if !maps.Equal(facets, wantFacets) {
			t.Errorf("%s: risk-workers's facets %v, want %v", format, facets, wantFacets)
		}
		if len(workers.RelatedObservations) != 1 || !slices.ContainsFunc(observations, func(o struct{ UUID string }) bool {
			return o.UUID == workers.RelatedObservations[0].UUID
		}) {
			t.Errorf("%s: risk-workers's observation is not in the document", format)
		}

		var raw any
		if err := json.Unmarshal([]byte(out), &raw); err != nil {
			t.Fatal(err)
		}
		var risk, observation any
		eachObservation(raw, func(o map[string]any) {
			if o["uuid"] == workers.RelatedObservations[0].UUID {
				observation = o
			}
		})
		eachRisk(raw, func(r map[string]any) {
			if r["uuid"] == workers.UUID {
				risk = r
			}
		})
		joined[format] = [2]any{risk, observation}

		if format != "oscal-poam" {
			continue
		}
		related := map[string][]string{}
		for _, it := range doc.POAM.Items {
			for _, r := range it.RelatedRisks {
				related[it.Title] = append(related[it.Title], titles[r.UUID])
			}
		}
		wantRelated := map[string][]string{
			"Inform workers' representatives and the workers subject to the system before it is put into use at the workplace.": {want[0], want[1], want[2]},
		}
		for item, risks := range wantRelated {
			if !slices.Equal(related[item], risks) {
				t.Errorf("POA&M item %q relates to risks %q, want %q", item, related[item], risks)
			}
		}
		var discItem []string
		for item, risks := range related {
			if strings.HasPrefix(item, "Test outcomes by group") {
				discItem = risks
			}
		}
		if !slices.Equal(discItem, []string{want[1], want[2]}) {
			t.Errorf("risk-discrimination's POA&M item relates to risks %q, want %q (all items: %v)", discItem, want[1:], related)
		}
	}
	poam, ar := joined["oscal-poam"], joined["oscal-assessment-results"]
	for i, kind := range []string{"risk", "observation"} {
		if poam[i] == nil || !reflect.DeepEqual(poam[i], ar[i]) {
			t.Errorf("risk-workers's %s differs between the documents:\nPOA&M %v\nAR    %v", kind, poam[i], ar[i])
		}
	}
}

// eachRisk calls f with every risk in an OSCAL document.
func eachRisk(v any, f func(map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, val := range x {
			if list, ok := val.([]any); ok && k == "risks" {
				for _, r := range list {
					if m, ok := r.(map[string]any); ok {
						f(m)
					}
				}
				continue
			}
			eachRisk(val, f)
		}
	case []any:
		for _, val := range x {
			eachRisk(val, f)
		}
	}
}

type oscalRisk struct {
	UUID              string `json:"uuid"`
	Title             string `json:"title"`
	Status            string `json:"status"`
	Characterizations []struct {
		Facets []struct{ Name, Value string } `json:"facets"`
	} `json:"characterizations"`
	Remediations        []oscalRemediation `json:"remediations"`
	RelatedObservations []struct {
		UUID string `json:"observation-uuid"`
	} `json:"related-observations"`
}

type oscalRemediation struct {
	Title, Lifecycle, Description, Remarks string
	Props                                  []struct{ Name, Value string }
}

// planItems are the plan-item properties of a remediation, in order.
func (r oscalRemediation) planItems() []string {
	var keys []string
	for _, p := range r.Props {
		if p.Name == "plan-item" {
			keys = append(keys, p.Value)
		}
	}
	return keys
}
