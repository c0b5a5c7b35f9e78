package questionnaires_test

import (
	"slices"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// TestFRIAAssessedBeforeUse: nothing asked whether the assessment came
// before first use (Article 27(1)), nor whether the transitional rule of
// Article 111(2) covered a system already in service (eu-ai-act-fria
// 1.10.0). A system in use without one, under no transitional rule, is a
// high finding; made before first use, or under the transitional rule, it
// is none. It is never a knock-out and feeds no dimension: the outcome
// and the gaps of an otherwise sound deployment stay as they were. Only
// the deployers Article 27(1) names are asked.
func TestFRIAAssessedBeforeUse(t *testing.T) {
	q := biGet(t, "eu-ai-act-fria")
	for _, c := range []struct {
		deployer, answer, findings string
	}{
		{"public-body", "before-use", ""},
		{"public-body", "transitional", ""},
		{"public-body", "late", "assessed-before-use:high"},
		{"credit-insurance", "transitional", ""},
		{"credit-insurance", "late", "assessed-before-use:high"},
		{"public-service", "late", "assessed-before-use:high"},
	} {
		res := assess.Score(q, biAnswers(t, q, false, map[string]assess.Value{
			"deployer-type": biChoice(c.deployer), "assessed-before-use": biChoice(c.answer),
		}), biAssessedOn)
		if got := findingsOf(res); got != c.findings {
			t.Errorf("%s, %s: findings %q, want %q", c.deployer, c.answer, got, c.findings)
		}
		if res.Outcome == nil || res.Outcome.Level != "low" {
			t.Errorf("%s, %s: outcome %+v, want low (no knock-out)", c.deployer, c.answer, res.Outcome)
		}
		if d := res.Dimension("gaps"); d.Value.String()+" of "+d.Base.String() != "0 of 60" {
			t.Errorf("%s, %s: gaps %s of %s, want 0 of 60", c.deployer, c.answer, d.Value, d.Base)
		}
	}
	// A voluntary assessment is good practice, with no time Article 27(1)
	// sets: the question is hidden, and an answer kept from before counts
	// for nothing.
	res := assess.Score(q, biAnswers(t, q, false, map[string]assess.Value{
		"deployer-type": biChoice("voluntary"), "assessed-before-use": biChoice("late"),
	}), biAssessedOn)
	if got := findingsOf(res); got != "" {
		t.Errorf("voluntary, late: findings %q, want none", got)
	}
	if !slices.Contains(res.HiddenAnswered, "assessed-before-use") {
		t.Errorf("voluntary: hidden answers %v, want assessed-before-use among them", res.HiddenAnswered)
	}
}
