package questionnaires_test

import (
	"slices"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Cases of data licensing that a data-licensing counsel and a privacy
// professional rated, on children's data: an edtech company licensing
// pupils' reading sessions to a publisher with no parent asked, an
// ad-tech company selling segments of bought-in devices that include
// Californians aged 13 to 15, and an adult shopper panel that must not be
// asked about children at all. Data licensing 2.6.0 had one yes/no
// question on every kind of sensitive data and no check on children's;
// each file's header gives what it said, the hand calculation, and what a
// professional signs.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Pupils under 13 licensed out with no parent's consent
			// (COPPA, 16 CFR 312.5): critical, not medium.
			file:    "licensing-edtech-pupils-reading-sessions-to-publisher-no-parental-consent.yaml",
			outcome: "critical", knockout: "children-parental-consent",
			levels:   map[string]string{"exposure-level": "high", "protection": "strong"},
			dims:     map[string]string{"exposure": "15 of 26", "gaps": "18 of 194"},
			findings: "children-parental-consent:critical minors-sale:critical us-sensitive:high education-ferpa:medium",
		},
		verdictCase{
			// Californians aged 13 to 15 sold without their opt-in
			// (Civil Code 1798.120(c)): high, not medium.
			file:    "licensing-adtech-segments-bought-in-teenagers-california-no-opt-in.yaml",
			outcome: "high", knockout: "minors-sale",
			levels:   map[string]string{"exposure-level": "high", "protection": "strong"},
			dims:     map[string]string{"exposure": "14 of 26", "gaps": "10 of 184"},
			findings: "minors-sale:critical children-no-profiling:high",
		},
		verdictCase{
			// Adults' precise location with every protection: medium,
			// and no question on children asked.
			file:     "licensing-adult-shopper-panel-location-no-children.yaml",
			outcome:  "medium",
			levels:   map[string]string{"exposure-level": "high", "protection": "strong"},
			dims:     map[string]string{"exposure": "15 of 26", "gaps": "0 of 162"},
			findings: "none",
		},
		verdictCase{
			// The same panel in the US, with Maryland residents' precise
			// location sold on their opt-in: Maryland forbids the sale
			// whatever the consent, high (data-licensing 2.6.0: medium, no
			// finding).
			file:     "licensing-us-shopper-panel-location-maryland-residents-included.yaml",
			outcome:  "high",
			knockout: "us-sensitive",
			levels:   map[string]string{"exposure-level": "high", "protection": "strong"},
			dims:     map[string]string{"exposure": "15 of 26", "gaps": "4 of 170"},
			findings: "us-sensitive:high",
		},
	)
}

// childrenQuestions are data licensing's questions on children's data.
var childrenQuestions = []string{"children-ages", "children-parental-consent", "children-best-interests", "children-no-profiling", "minors-sale"}

// verdictResult scores one of the hand-rated files under its built-in.
func verdictResult(t *testing.T, file string) *assess.Result {
	t.Helper()
	q := biGet(t, "data-licensing")
	return assess.Score(q, verdictAnswers(t, q, file), assessedOn)
}

// TestChildrensQuestionsOnlyForChildrensData: the questions on children
// are asked when the licensed data includes children's, and of none
// other: an adult panel's analyst is not asked a parent's consent.
func TestChildrensQuestionsOnlyForChildrensData(t *testing.T) {
	adults := verdictResult(t, "licensing-adult-shopper-panel-location-no-children.yaml")
	pupils := verdictResult(t, "licensing-edtech-pupils-reading-sessions-to-publisher-no-parental-consent.yaml")
	for _, id := range childrenQuestions {
		if questionOf(t, adults, id).Visible {
			t.Errorf("%s is asked of a licence of adults' data", id)
		}
		if !questionOf(t, pupils, id).Visible {
			t.Errorf("%s is not asked of a licence of pupils' data", id)
		}
	}
}

// TestOldSensitiveDataAnswersStillRead: sensitive-data keeps its yes/no
// (and its exposure points), so an answers file written for data
// licensing before the kinds were asked still reads. One that answered
// "yes" is asked which kinds (incomplete until it says), so that
// children's data cannot pass unchecked; one that answered "no" is
// complete and scores as it did.
func TestOldSensitiveDataAnswersStillRead(t *testing.T) {
	q := biGet(t, "data-licensing")
	res := scoreOf(t, q, `
		assets: [records]
		sensitive-data: "yes"`)
	if !questionOf(t, res, "sensitive-kinds").Visible || !slices.Contains(res.Unanswered, "sensitive-kinds") {
		t.Errorf("an old file's sensitive-data yes does not ask the kinds: unanswered %v", res.Unanswered)
	}
	res = scoreOf(t, q, `
		assets: [records]
		sensitive-data: "no"`)
	if questionOf(t, res, "sensitive-kinds").Visible {
		t.Error("sensitive-data no asks the kinds of sensitive data")
	}
	for _, id := range childrenQuestions {
		if questionOf(t, res, id).Visible {
			t.Errorf("sensitive-data no asks %s", id)
		}
	}
	// The exposure sensitive-data gives is what it was: 3 points × 2.
	yes := scoreOf(t, q, `sensitive-data: "yes"`)
	no := scoreOf(t, q, `sensitive-data: "no"`)
	if got := yes.Dimension("exposure").Value - no.Dimension("exposure").Value; got != dec("6") {
		t.Errorf("sensitive-data yes adds %s to exposure, want 6", got)
	}
}
