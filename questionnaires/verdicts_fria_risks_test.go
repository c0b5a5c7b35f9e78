package questionnaires_test

import (
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A FRIA risk finding lists the controls that act against the risk,
// which its action works on, not ID.RA-04, which rating it met: "a high
// risk to the presumption of innocence; controls: ID.RA-04" sent the
// committee looking for a missing risk assessment when the assessment is
// what found the risk. Worked by hand from eu-ai-act-fria 1.12.0's
// concerns in each case file's header: a re-offending score cited at
// bail hearings and never disclosed leaves risk-justice high (disclosure,
// explanation and human oversight) and risk-remedy medium (explanation
// and an answered appeal); welfare fraud flags that put payments on hold
// with no caseworker's check leave risk-essential-services high (human
// review with the authority to set the flag aside, and a correction
// route).
func TestFRIARiskFindingsListTheControlsTheRiskConcerns(t *testing.T) {
	q := biGet(t, "eu-ai-act-fria")
	checkRiskFindingsConcern(t, q, []riskConcern{
		{"fria-police-reoffending-score-bail-undisclosed.yaml", "risk-justice", assess.Controls{
			assess.ISO27001: {"A.5.2", "A.5.34"},
			assess.NISTCSF:  {"GV.RR-02"},
			assess.SOC2:     {"P1.1"},
		}},
		{"fria-police-reoffending-score-bail-undisclosed.yaml", "risk-remedy", assess.Controls{
			assess.ISO27001: {"A.5.34"},
			assess.SOC2:     {"P8.1"},
		}},
		{"fria-welfare-fraud-flags-no-oversight.yaml", "risk-essential-services", assess.Controls{
			assess.ISO27001: {"A.5.2"},
			assess.NISTCSF:  {"GV.RR-02"},
			assess.SOC2:     {"P8.1"},
		}},
	})
	// Every risk names what it concerns, the analyst's own risk nothing,
	// and each rating is evidence of the risk assessment only: until
	// 1.12.0 the privacy risk's rating counted as evidence of A.5.34
	// (privacy and protection of personal data), so a privacy risk rated
	// high read in coverage as privacy protected; since 1.13.0 it counts
	// for SOC 2 CC3.2 as well as ID.RA-04, as the DPIA's ratings do.
	for _, qq := range checkEveryRiskNamesItsConcerns(t, q) {
		if !reflect.DeepEqual(qq.Controls, riskAssessment) {
			t.Errorf("%s: its rating is evidence of %v, want %v (the risk identified, analysed and recorded)", qq.ID, qq.Controls, riskAssessment)
		}
	}
}
