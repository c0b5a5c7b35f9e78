package questionnaires_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The DPIA's dpo-opinion asks whether the DPO has given a written opinion.
// With an opinion recorded in assay, an answer of no, or none, disagrees
// with it, and is named; yes, or no opinion recorded, is not.
func TestDPIAQuestionTheDPOOpinionAnswers(t *testing.T) {
	q, ok := biLibrary(t).Get("dpia")
	if !ok {
		t.Fatal("no dpia")
	}
	opinion := []assess.SignOff{{Role: assess.RoleDPO, Decision: assess.DPOFavourable, Name: "Lea"}}
	for _, c := range []struct {
		name     string
		answer   *assess.Value
		signOffs []assess.SignOff
		want     string
	}{
		{"answered no", &assess.Value{Choices: []string{"no"}}, opinion,
			`the DPO's opinion is recorded, but dpo-opinion, which asks whether the DPO has given an opinion, says "No": answer it now that the opinion is given`},
		{"unanswered", nil, opinion,
			"the DPO's opinion is recorded, but dpo-opinion, which asks whether the DPO has given an opinion, is not answered: answer it now that the opinion is given"},
		{"answered yes", &assess.Value{Choices: []string{"yes"}}, opinion, ""},
		{"no opinion recorded", &assess.Value{Choices: []string{"no"}}, nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			answers := biAnswers(t, q, false, nil)
			delete(answers, "dpo-opinion")
			if c.answer != nil {
				answers["dpo-opinion"] = assess.Answer{QuestionID: "dpo-opinion", Value: *c.answer}
			}
			a := &assess.Assessment{Questionnaire: q, AssessedOn: biAssessedOn, Answers: answers, SignOffs: c.signOffs}
			got := ""
			if qr, found := assess.DPOOpinionNotAnswered(a, assess.Evaluate(a, biAssessedOn).Result); found {
				got = assess.DPOOpinionNote(qr)
			}
			if got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}
