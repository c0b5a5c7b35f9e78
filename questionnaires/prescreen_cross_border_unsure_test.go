package questionnaires_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// An analyst who does not know whether the data will be stored in or
// reached from other countries had two answers: "no", which silences the
// transfer rule, or "yes", a fact nobody checked. "Not sure" counts as
// yes for the recommendation and reaches the DPIA as it is, where it is
// an open point: the transfer questions are asked and the plan says to
// settle where the data goes. The anonymized dataset review's question
// has no "not sure", so there the answer stays behind for the analyst.
func TestPrescreenCrossBorderNotSureCarriedAsAnOpenPoint(t *testing.T) {
	lib := biLibrary(t)
	pre, _ := lib.Get("prescreen")
	dpia, _ := lib.Get("dpia")
	anon, _ := lib.Get("anonymized-dataset")
	a := &assess.Assessment{ID: 4, Questionnaire: pre, Answers: answersOf(t, pre, `
personal-data: "yes"
high-risk-criteria: [large-scale]
authority-list: "no"
existing-dpia: "no"
sector: "no"
automated-decisions: "no"
vendor: "no"
third-party-data: "no"
license-out: "no"
anonymized-dataset: "no"
cross-border: {answer: unsure, note: Support location not known}`)}
	res := assess.Score(pre, a.Answers, assessedOn)
	dpiaRecommended := false
	for _, r := range res.Recommendations {
		dpiaRecommended = dpiaRecommended || r.Questionnaire == "dpia"
	}
	if !dpiaRecommended {
		t.Errorf("one criterion with transfers not ruled out recommends no DPIA: %+v", res.Recommendations)
	}
	carried := map[string]assess.Answer{}
	for _, ans := range assess.Carried(a, res, dpia) {
		carried[ans.QuestionID] = ans
	}
	if tr, ok := carried["transfers"]; !ok || len(tr.Value.Choices) != 1 || tr.Value.Choices[0] != "unsure" {
		t.Errorf("the DPIA's transfers carried as %+v (carried: %v), want unsure", tr, ok)
	}
	for _, ans := range assess.Carried(a, res, anon) {
		if ans.QuestionID == "cross-border" {
			t.Errorf("the anonymized dataset review's cross-border carried as %+v: it has no \"not sure\"", ans)
		}
	}
	tr, _ := dpia.Question("transfers")
	if o := tr.Option("unsure"); o == nil || o.Severity != assess.Medium {
		t.Errorf("the DPIA's transfers has no medium \"not sure\": %+v", o)
	}
}

// Four pre-screens whose analyst did not know whether data leaves the
// country, and the DPIA that starts from one of them; each file's header
// gives what a DPO requires and the rules worked through by hand.
func init() {
	verdictCases = append(verdictCases,
		// One criterion (a whole city's permit holders) with transfers
		// not ruled out: a DPIA, as with transfers abroad.
		verdictCase{
			file:       "prescreen-council-parking-permits-saas-support-location-not-known.yaml",
			recommends: []string{"dpia", "third-party-due-diligence"},
		},
		// Employees alone in the employment sector, on a new SaaS whose
		// hosting nobody knows: the transfer is the second fact.
		verdictCase{
			file:       "prescreen-bakery-shift-swap-app-new-saas-hosting-not-known.yaml",
			recommends: []string{"dpia", "third-party-due-diligence"},
		},
		// No criterion: "not sure" sends a members' newsletter nowhere.
		verdictCase{file: "prescreen-sports-club-newsletter-service-region-not-known.yaml"},
		// No personal data: nothing, wherever the prices are served.
		verdictCase{file: "prescreen-b2b-price-feed-cdn-region-not-known.yaml"},
		verdictCase{
			// The DPIA started from a "not sure": low, with the open
			// point on the plan and the transfer questions asked.
			file: "dpia-room-booking-transfers-not-sure-carried-from-prescreen.yaml", outcome: "low",
			levels:   map[string]string{"compliance": "minor", "initial-risk": "medium", "residual-risk": "low", "exposure-level": "moderate"},
			dims:     map[string]string{"gaps": "4 of 132", "exposure": "13 of 37"},
			findings: "transfers:medium transfer-assessment:medium anomaly-alerts:low deletion-copies:low",
		},
	)
}
