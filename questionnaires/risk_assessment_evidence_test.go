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

// Worked by hand, eu-ai-act-fria 1.14.0 with its eleven risks rated
// (likelihood 2, impact 2). Since 1.14.0 CC3.2 is mapped by
// vulnerable-groups too (naming the groups in vulnerable situations and
// considering the risks to each is identifying and analysing risks), so
// the ratings alone no longer meet it: with vulnerable-groups unanswered
// eleven questions are met and one required one is open, partly met (it
// was met under 1.13.0, where the ratings stood alone); answered yes,
// met; partly, partly met; no, a gap. With nothing answered it is not yet
// answered. (Under 1.12.0 no FRIA question mapped CC3.2, and coverage did
// not list it at all.)
func TestFRIARiskRatingsMeetCC32(t *testing.T) {
	q := biGet(t, "eu-ai-act-fria")
	rated := func(groups string) assess.Answers {
		out := assess.Answers{}
		for _, qq := range q.Questions {
			if qq.Type == assess.TypeRisk {
				out[qq.ID] = assess.Answer{QuestionID: qq.ID, Value: assess.Value{Risk: &assess.RiskRating{Likelihood: 2, Impact: 2}}}
			}
		}
		if groups != "" {
			out["vulnerable-groups"] = assess.Answer{QuestionID: "vulnerable-groups", Value: assess.Value{Choices: []string{groups}}}
		}
		return out
	}
	risks := 0
	for _, qq := range q.Questions {
		if qq.Type == assess.TypeRisk {
			risks++
		}
	}
	if risks != 11 {
		t.Fatalf("the FRIA has %d risk questions; the working above is for 11", risks)
	}
	for _, tc := range []struct {
		name    string
		answers assess.Answers
		want    assess.CoverageStatus
	}{
		{"every risk rated, vulnerable groups unanswered", rated(""), assess.CoveragePartial},
		{"every risk rated, vulnerable groups considered", rated("yes"), assess.CoverageMet},
		{"every risk rated, vulnerable groups partly considered", rated("partial"), assess.CoveragePartial},
		{"every risk rated, vulnerable groups not considered", rated("no"), assess.CoverageGap},
		{"nothing answered", assess.Answers{}, assess.CoverageUnanswered},
	} {
		res := assess.Score(q, tc.answers, biAssessedOn)
		got := assess.CoverageStatus("")
		var by []string
		for _, c := range assess.Coverage(q, res, questionnaires.Catalog(), assess.SOC2) {
			if c.Control.ID == "CC3.2" {
				got = c.Status
				for _, r := range c.Questions {
					by = append(by, r.ID)
				}
			}
		}
		if got != tc.want {
			t.Errorf("%s: CC3.2 is %q, want %q", tc.name, got, tc.want)
		}
		if len(by) != 12 {
			t.Errorf("%s: CC3.2 is mapped by %d questions %v, want the 11 risks and vulnerable-groups", tc.name, len(by), by)
		}
	}
}
