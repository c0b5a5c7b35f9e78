package questionnaires_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// Rating a risk records it: that is evidence of a risk assessment
// (NIST CSF ID.RA-04: impacts and likelihoods identified and recorded;
// SOC 2 CC3.2: risks identified and analysed), not of the measures
// against it. The DPIA's risk ratings once mapped to access control
// (A.5.15, PR.AA-05, CC6.1), cryptography (A.8.24) and the rest, and a
// rated risk counts as met, so a DPIA with only its risks rated showed
// A.5.15 and A.8.24 partly met, with nothing asked about access or
// encryption.
//
// Worked by hand, dpia 2.9.0 with only the eight risks rated (likelihood
// 2, impact 2, as found; the two further risks too, though left unrated
// they would leave ID.RA-04 met, see
// TestDPIARiskAssessmentMetWithFurtherRisksUnrated): every security
// control the risks mapped to
// also has the security section's questions behind it, all unanswered,
// so A.5.15, A.8.24, PR.AA-05, CC6.1, PR.DS-11 and A.8.11 are not yet
// answered (they read partly met); ID.RA-04 and CC3.2, behind the risks
// alone, are met.
func TestDPIARiskRatingsAreEvidenceOfRiskAssessmentOnly(t *testing.T) {
	q := biGet(t, "dpia")
	answers := assess.Answers{}
	for _, id := range []string{"risk-access", "risk-modification", "risk-disappearance", "risk-reidentification", "risk-function-creep", "risk-discrimination", "risk-other-1", "risk-other-2"} {
		answers[id] = assess.Answer{QuestionID: id, Value: assess.Value{Risk: &assess.RiskRating{Likelihood: 2, Impact: 2}}}
	}
	res := assess.Score(q, answers, biAssessedOn)
	want := map[string]assess.CoverageStatus{
		"A.5.15": assess.CoverageUnanswered, "A.8.24": assess.CoverageUnanswered, "PR.AA-05": assess.CoverageUnanswered,
		"CC6.1": assess.CoverageUnanswered, "PR.DS-11": assess.CoverageUnanswered, "A.8.11": assess.CoverageUnanswered,
		"ID.RA-04": assess.CoverageMet, "CC3.2": assess.CoverageMet,
	}
	seen := map[string]bool{}
	for _, f := range []assess.Framework{assess.ISO27001, assess.NISTCSF, assess.SOC2} {
		for _, c := range assess.Coverage(q, res, questionnaires.Catalog(), f) {
			if w, ok := want[c.Control.ID]; ok {
				seen[c.Control.ID] = true
				if c.Status != w {
					t.Errorf("%s with only the risks rated is %q, want %q", c.Control.ID, c.Status, w)
				}
			}
		}
	}
	for id := range want {
		if !seen[id] {
			t.Errorf("%s is not touched", id)
		}
	}
	// Each risk maps to the risk-assessment controls only.
	for _, qq := range q.Questions {
		if qq.Type != assess.TypeRisk {
			continue
		}
		for f, ids := range qq.Controls {
			for _, id := range ids {
				if id != "ID.RA-04" && id != "CC3.2" {
					t.Errorf("%s maps to %s %s: rating a risk is no evidence of it", qq.ID, f, id)
				}
			}
		}
	}
}
