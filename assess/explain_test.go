package assess_test

import (
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/testfixture"
)

var (
	savedAt     = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)
	explainedAt = savedAt.Add(time.Hour)
)

// disagreeing is an assessment whose answers (saved at 09:00) make
// compared-none hold, explained at 10:00 for those very answers.
func disagreeing(t *testing.T) *assess.Assessment {
	t.Helper()
	q := testfixture.ComparedNone(t)
	pick := func(id, v string) assess.Answer {
		return assess.Answer{QuestionID: id, Value: assess.Value{Choices: []string{v}}, UpdatedAt: savedAt}
	}
	return &assess.Assessment{ID: 7, Questionnaire: q, AssessedOn: assess.NewDate(2026, 3, 1), Status: assess.Draft,
		Answers: assess.Answers{"bias": pick("bias", "yes"), "groups": pick("groups", "none")},
		Explanations: []assess.Explanation{{Check: "compared-none", Text: "Named elsewhere.", By: "Ana", At: explainedAt,
			Answers: []assess.DisagreeingAnswer{{Question: "bias", Answer: "yes"}, {Question: "groups", Answer: "none"}}}},
	}
}

func standingOf(a *assess.Assessment) *assess.Explanation {
	ds := assess.Evaluate(a, assess.NewDate(2026, 3, 2)).Result.Disagreements
	if len(ds) != 1 {
		return nil
	}
	return ds[0].Explanation
}

// An explanation stands for the answers it was given for, and lapses when
// one of them is saved after it: to another answer that still disagrees,
// or changed and changed back (what was explained was replaced in
// between). An older explanation does not stand in for a newer one that
// lapsed.
func TestAnExplanationLapsesWhenItsAnswersChange(t *testing.T) {
	a := disagreeing(t)
	if e := standingOf(a); e == nil || e.Text != "Named elsewhere." {
		t.Fatalf("the explanation does not stand: %+v", e)
	}
	if err := assess.DisagreementsRefused(a, assess.ActSubmit); err != nil {
		t.Errorf("submitting, explained: %v", err)
	}

	back := disagreeing(t)
	ans := back.Answers["groups"]
	ans.UpdatedAt = explainedAt.Add(time.Minute) // some, then none again
	back.Answers["groups"] = ans
	if e := standingOf(back); e != nil {
		t.Errorf("an answer changed back after the explanation: it still stands: %+v", e)
	}
	if err := assess.DisagreementsRefused(back, assess.ActSubmit); err == nil || !strings.Contains(err.Error(), "cannot submit assessment 7: a consistency check finds answers that disagree, and nobody has explained why: compared-none: Groups compared, yet none named (answers: bias \"yes\", groups \"none\")") {
		t.Errorf("submitting after the change: %v", err)
	}

	older := disagreeing(t)
	older.Explanations = append(older.Explanations, assess.Explanation{Check: "compared-none", Text: "For other answers.", By: "Ana",
		At: explainedAt.Add(time.Hour), Answers: []assess.DisagreeingAnswer{{Question: "bias", Answer: "yes"}, {Question: "groups", Answer: "some"}}})
	if e := standingOf(older); e != nil {
		t.Errorf("the latest explanation was for other answers, yet one stands: %+v", e)
	}
}

// An approval is refused only for a check whose answers changed after the
// submission: an assessment submitted with the disagreement unexplained,
// before explanations were asked for, is not stopped after the fact.
func TestApprovalIsRefusedOnlyForDisagreementsAfterTheSubmission(t *testing.T) {
	a := disagreeing(t)
	a.Explanations = nil
	a.Status = assess.InReview
	a.SignOffs = []assess.SignOff{{Role: assess.RoleAuthor, Decision: "submitted", On: assess.NewDate(2026, 3, 2)}}
	a.AsSubmitted = &assess.AsSubmitted{Answers: assess.Answers{"bias": a.Answers["bias"], "groups": a.Answers["groups"]}}
	if err := assess.DisagreementsRefused(a, assess.ActApprove); err != nil {
		t.Errorf("approving what was submitted as it is: %v", err)
	}
	a.AsSubmitted.Answers["groups"] = assess.Answer{QuestionID: "groups", Value: assess.Value{Choices: []string{"some"}}, UpdatedAt: savedAt}
	if err := assess.DisagreementsRefused(a, assess.ActApprove); err == nil || !strings.HasPrefix(err.Error(), "cannot approve assessment 7: ") {
		t.Errorf("approving a disagreement made in review: %v", err)
	}
	if err := assess.DisagreementsRefused(a, assess.ActReject); err != nil {
		t.Errorf("rejecting is never refused for it: %v", err)
	}
}
