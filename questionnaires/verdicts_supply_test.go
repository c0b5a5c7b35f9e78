package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// What a vendor supplies, read through once more (third-party-due-diligence
// 3.7.0): our data held together with sensitive data supplied about the
// same people, children's data bought without a basis that holds for a
// child, data published openly to anyone, and a price feed's currency.
// Each file's header gives the hand calculation, what 3.6.0 read and the
// verdict signed.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Candidates' identity data held, their criminal record checks
			// supplied: the high tier, not the moderate one.
			file: "tpdd-candidate-screening-holds-ids-supplies-criminal-records.yaml", outcome: "low",
			levels: map[string]string{
				"held-data-sensitivity": "medium", "supplied-data-sensitivity": "medium", "data-sensitivity": "high",
				"business-criticality": "medium", "tier": "high", "control-gaps": "low",
			},
			dims:     map[string]string{"exposure": "7 of 35", "supplied": "5 of 20", "criticality": "9 of 20"},
			findings: "none",
		},
		verdictCase{
			// Pupils under 13 who ticked a box themselves: high, not low.
			file: "tpdd-pupil-list-under-13s-no-parental-consent.yaml", outcome: "high", knockout: "source-children-basis",
			levels: map[string]string{
				"held-data-sensitivity": "low", "supplied-data-sensitivity": "medium", "data-sensitivity": "medium",
				"business-criticality": "low", "tier": "moderate", "control-gaps": "low",
			},
			dims:     map[string]string{"exposure": "0 of 35", "supplied": "5 of 20", "criticality": "0 of 20", "gaps": "6 of 42"},
			findings: "source-children-basis:high marketing-consent:high",
		},
		verdictCase{
			// Open government data downloaded from its publisher: low,
			// with no findings no one could close.
			file: "tpdd-postcode-directory-open-data-download.yaml", outcome: "low",
			levels: map[string]string{
				"supplied-data-sensitivity": "none", "data-sensitivity": "low", "business-criticality": "low",
				"tier": "low", "control-gaps": "low",
			},
			dims:     map[string]string{"exposure": "0 of 35", "supplied": "0 of 20", "criticality": "3 of 20", "gaps": "0 of 10"},
			findings: "none",
		},
		verdictCase{
			// Stale rates that look live: low, with a finding on currency.
			file: "tpdd-fx-rates-feed-stale-rates-look-live.yaml", outcome: "low",
			levels:   map[string]string{"data-sensitivity": "low", "business-criticality": "high", "tier": "moderate", "control-gaps": "low"},
			dims:     map[string]string{"criticality": "16 of 20", "gaps": "1 of 32"},
			findings: "data-accuracy:low",
		},
		verdictCase{
			// A licence of source code alone (data-licensing 2.6.0): low,
			// not asked for a data protection addendum or a legal basis
			// for data it does not hold.
			file: "licensing-fraud-rules-engine-source-code-only.yaml", outcome: "low",
			levels:   map[string]string{"exposure-level": "low", "protection": "strong"},
			dims:     map[string]string{"exposure": "1 of 26", "gaps": "0 of 108"},
			findings: "none",
		},
	)
}

// The action a price feed's stale rates got read "Require the date of
// each record's last check with every delivery ... for personal data, in
// the last 12 months": written for lists of people. The finding's action
// must name what dates a price (the time it was taken) and a reference
// dataset (its release), as well as a person's record.
func TestTPDDDataAccuracyActionFitsPricesAndReferenceData(t *testing.T) {
	q, _ := biLibrary(t).Get("third-party-due-diligence")
	answers := verdictAnswers(t, q, "tpdd-fx-rates-feed-stale-rates-look-live.yaml")
	res := assess.Score(q, answers, assessedOn)
	for _, fd := range res.Findings {
		if fd.QuestionID != "data-accuracy" {
			continue
		}
		action := strings.Join(strings.Fields(fd.Action), " ")
		for _, want := range []string{"price", "timestamp", "release", "about a person"} {
			if !strings.Contains(action, want) {
				t.Errorf("data-accuracy's action does not say %q: %q", want, action)
			}
		}
		text := strings.Join(strings.Fields(fd.Question), " ")
		if strings.Contains(text, "each record checked") {
			t.Errorf("data-accuracy asks of a price feed whether each record is checked: %q", text)
		}
		return
	}
	t.Fatalf("no data-accuracy finding: %s", findingsOf(res))
}
