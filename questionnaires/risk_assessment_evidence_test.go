package questionnaires_test

import (
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// riskAssessment is what rating a risk is evidence of in every built-in:
// the risk identified, its likelihood and impact recorded (NIST CSF
// ID.RA-04) and the risk identified and analysed (SOC 2 CC3.2). Nothing
// else: a rating is no evidence of the measures against the risk.
var riskAssessment = assess.Controls{assess.NISTCSF: {"ID.RA-04"}, assess.SOC2: {"CC3.2"}}

// The DPIA's risk ratings counted as evidence of CC3.2 and ID.RA-04, the
// FRIA's of ID.RA-04 only, though both rate a risk's likelihood and
// impact for the people affected, which is the risk identification and
// analysis CC3.2 asks of the entity. A FRIA with every risk rated showed
// CC3.2 as not addressed, and a SOC 2 reader concluded no risk assessment
// was done. Every built-in risk question is now evidence of the same two.
func TestEveryBuiltinRiskRatingIsEvidenceOfRiskAssessment(t *testing.T) {
	n := 0
	for _, q := range biLibrary(t).All() {
		for _, qq := range q.Questions {
			if qq.Type != assess.TypeRisk {
				continue
			}
			n++
			if !reflect.DeepEqual(qq.Controls, riskAssessment) {
				t.Errorf("%s/%s: its rating is evidence of %v, want %v", q.ID, qq.ID, qq.Controls, riskAssessment)
			}
		}
	}
	if n < 19 { // the DPIA's eight and the FRIA's eleven
		t.Errorf("found %d risk questions, want at least the DPIA's 8 and the FRIA's 11", n)
	}
}

// Worked by hand, eu-ai-act-fria 1.13.0 with only its eleven risks rated
// (likelihood 2, impact 2): no other FRIA question maps CC3.2, so it
// stands on the ratings alone and, each being answered, is met; with
// nothing answered it is not yet answered. (Under 1.12.0 no FRIA
// question mapped CC3.2, and coverage did not list it at all.)
func TestFRIARiskRatingsMeetCC32(t *testing.T) {
	q := biGet(t, "eu-ai-act-fria")
	rated := assess.Answers{}
	for _, qq := range q.Questions {
		if qq.Type == assess.TypeRisk {
			rated[qq.ID] = assess.Answer{QuestionID: qq.ID, Value: assess.Value{Risk: &assess.RiskRating{Likelihood: 2, Impact: 2}}}
		}
	}
	if len(rated) != 11 {
		t.Fatalf("the FRIA has %d risk questions; the working above is for 11", len(rated))
	}
	for _, tc := range []struct {
		name    string
		answers assess.Answers
		want    assess.CoverageStatus
	}{
		{"every risk rated", rated, assess.CoverageMet},
		{"nothing answered", assess.Answers{}, assess.CoverageUnanswered},
	} {
		res := assess.Score(q, tc.answers, biAssessedOn)
		got := assess.CoverageStatus("")
		for _, c := range assess.Coverage(q, res, questionnaires.Catalog(), assess.SOC2) {
			if c.Control.ID == "CC3.2" {
				got = c.Status
			}
		}
		if got != tc.want {
			t.Errorf("%s: CC3.2 is %q, want %q", tc.name, got, tc.want)
		}
	}
}
