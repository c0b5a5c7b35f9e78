package questionnaires_test

import (
	"slices"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A vendor's answer to a question the other answers now hide counts for
// nothing and the interview never shows it: nobody is asked to confirm it
// before a submit or an approval. Shown again, it must be confirmed.
func TestHiddenVendorAnswersNeedNoConfirming(t *testing.T) {
	q := loadTestdata(t, "conditions.yaml")
	answers := answersOf(t, q, `
uses-ai: yes
ai-oversight: no
mfa: yes`)
	for id, ans := range answers {
		ans.Source, ans.Reviewed = assess.ByVendor, false
		answers[id] = ans
	}
	a := &assess.Assessment{ID: 1, Questionnaire: q, Answers: answers, AssessedOn: assessedOn}
	if got, want := a.UnconfirmedVendorAnswers(), []string{"uses-ai", "ai-oversight", "mfa"}; !slices.Equal(got, want) {
		t.Fatalf("all shown: got %v, want %v", got, want)
	}

	// The analyst corrects uses-ai to no: ai-oversight is hidden, its
	// vendor answer kept but not asked about.
	corrected := answers["uses-ai"]
	corrected.Value = assess.Value{Choices: []string{"no"}}
	corrected.Source, corrected.Reviewed = assess.ByAnalyst, true
	answers["uses-ai"] = corrected
	if got, want := a.UnconfirmedVendorAnswers(), []string{"mfa"}; !slices.Equal(got, want) {
		t.Fatalf("ai-oversight hidden: got %v, want %v", got, want)
	}
	if _, err := assess.UnconfirmedToAccept(a, assess.ActSubmit, false); err == nil {
		t.Fatal("submit went through with mfa unconfirmed")
	}
}
