package questionnaires_test

import (
	"slices"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// The EDPB criteria the analyst ticked in the pre-screen start the DPIA's
// edpb-criteria, so that the two-criteria rule is read from the same
// answer in both and is not asked twice in different words.
func TestPrescreenCarriesTheEDPBCriteria(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	pre, _ := lib.Get("prescreen")
	dpia, _ := lib.Get("dpia")
	a := &assess.Assessment{ID: 9, Questionnaire: pre, Answers: answersOf(t, pre, `
personal-data: "yes"
high-risk-criteria: [monitoring, vulnerable]
existing-dpia: "no"`)}
	res := assess.Score(pre, a.Answers, assessedOn)
	for _, ans := range assess.Carried(a, res, dpia) {
		if ans.QuestionID == "edpb-criteria" {
			if got := ans.Value.Choices; !slices.Equal(got, []string{"monitoring", "vulnerable"}) {
				t.Errorf("edpb-criteria carried as %v, want [monitoring vulnerable]", got)
			}
			return
		}
	}
	t.Error("the pre-screen's high-risk-criteria is not carried into the DPIA's edpb-criteria")
}

// The pre-screen's check of the authority's Article 35(4) list starts the
// DPIA's authority-list, where a listed processing raises the exposure
// level to at least high even with one criterion: the pre-screen
// recommended the DPIA for that reason, and the DPIA must not read the
// same processing as moderate.
func TestPrescreenCarriesTheAuthorityList(t *testing.T) {
	lib, err := questionnaires.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	pre, _ := lib.Get("prescreen")
	dpia, _ := lib.Get("dpia")
	for _, listed := range []string{"yes", "no", "unsure"} {
		a := &assess.Assessment{ID: 9, Questionnaire: pre, Answers: answersOf(t, pre, `
personal-data: "yes"
high-risk-criteria: [combining]
authority-list: "`+listed+`"
existing-dpia: "no"`)}
		res := assess.Score(pre, a.Answers, assessedOn)
		found := false
		for _, ans := range assess.Carried(a, res, dpia) {
			if ans.QuestionID == "authority-list" {
				found = true
				if got := ans.Value.Choices; !slices.Equal(got, []string{listed}) {
					t.Errorf("authority-list %q carried as %v", listed, got)
				}
			}
		}
		if !found {
			t.Errorf("the pre-screen's authority-list %q is not carried into the DPIA", listed)
		}
	}
}
