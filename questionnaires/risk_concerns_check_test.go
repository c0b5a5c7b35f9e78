package questionnaires_test

import (
	"reflect"
	"slices"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// riskConcern is a hand-rated case's risk finding and the controls it
// must list: those the risk concerns (concerns:), not those its rating
// is evidence of.
type riskConcern struct {
	file, risk string
	want       assess.Controls
}

// checkRiskFindingsConcern scores each case of q and checks that its
// risk's finding lists the controls wanted.
func checkRiskFindingsConcern(t *testing.T, q *assess.Questionnaire, cases []riskConcern) {
	t.Helper()
	for _, c := range cases {
		res := assess.Score(q, verdictAnswers(t, q, c.file), assessedOn)
		found := false
		for _, f := range res.Findings {
			if f.QuestionID != c.risk {
				continue
			}
			found = true
			if !reflect.DeepEqual(f.Controls, c.want) {
				t.Errorf("%s: the %s finding lists %v, want %v", c.file, c.risk, f.Controls, c.want)
			}
		}
		if !found {
			t.Errorf("%s: no %s finding", c.file, c.risk)
		}
	}
}

// checkEveryRiskNamesItsConcerns checks each risk question of q: a
// listed risk names the controls it concerns, a risk the analyst names
// in the note names none, and none concerns a control its rating is
// evidence of. It returns the risk questions, for checks of their own.
func checkEveryRiskNamesItsConcerns(t *testing.T, q *assess.Questionnaire) []*assess.Question {
	t.Helper()
	var risks []*assess.Question
	for _, qq := range q.Questions {
		if qq.Type != assess.TypeRisk {
			continue
		}
		risks = append(risks, qq)
		if qq.Concerns == nil {
			t.Errorf("%s names no concerns: its finding would list %v", qq.ID, qq.Controls)
		}
		if named := qq.RiskDef.NamedInNote; named != qq.Concerns.Empty() {
			t.Errorf("%s: named in its note %v, concerns %v: a listed risk names its controls, an analyst's names none", qq.ID, named, qq.Concerns)
		}
		for f, ids := range qq.Concerns {
			for _, id := range ids {
				if slices.Contains(qq.Controls[f], id) {
					t.Errorf("%s concerns %s, which its rating is evidence of", qq.ID, id)
				}
			}
		}
	}
	return risks
}
