package questionnaires_test

import (
	"slices"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Article 26(7) binds an employer that uses a high-risk system at the
// workplace, for the workers subject to it (eu-ai-act-fria 1.18.0): a
// council ranking outside applicants owes its workers nothing under it
// (the applicants are told under Article 26(11)), and a council whose
// fraud model allocates and scores its own investigators owes them
// notice though the people the analyst names are the claimants. Each
// file's header gives the hand calculation and what 1.17.1 said.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			file: "fria-council-recruitment-ranking-outside-applicants-only.yaml", outcome: "low",
			levels:   map[string]string{"measures": "minor", "residual-risk": "low", "reach": "limited"},
			dims:     map[string]string{"gaps": "0 of 60", "exposure": "5 of 23"},
			findings: "none",
		},
		verdictCase{
			file: "fria-council-fraud-referrals-scores-investigators-not-informed.yaml", outcome: "high", knockout: "workers-informed",
			levels:   map[string]string{"measures": "minor", "residual-risk": "low", "reach": "wide"},
			dims:     map[string]string{"gaps": "4 of 64", "exposure": "8 of 23"},
			findings: "workers-informed:high",
		},
	)
}

// TestFRIAWorkersInformedTurnsOnWorkplaceUse: workers-informed is asked,
// and the risk to workers' rights must be rated, when the deployer uses
// the system at its workplace with its own workers subject to it,
// whoever the people affected are; job applicants among those affected
// still require the risk to be rated, but not the notice to workers.
func TestFRIAWorkersInformedTurnsOnWorkplaceUse(t *testing.T) {
	q := biGet(t, "eu-ai-act-fria")
	for _, c := range []struct {
		name       string
		workplace  string
		categories []string
		unanswered []string // of workers-informed and risk-workers, left blank: those still to answer
	}{
		{"outside job applicants, no workplace use", "no", []string{"workers"}, []string{"risk-workers"}},
		{"claimants, staff subject to it at the workplace", "yes", []string{"claimants"}, []string{"risk-workers", "workers-informed"}},
		{"workers at the workplace", "yes", []string{"workers"}, []string{"risk-workers", "workers-informed"}},
		{"claimants, no workplace use", "no", []string{"claimants"}, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			answers := biAnswers(t, q, false, map[string]assess.Value{
				"workplace-use": biChoice(c.workplace), "affected-categories": biChoices(c.categories...),
			})
			delete(answers, "workers-informed")
			delete(answers, "risk-workers")
			res := assess.Score(q, answers, biAssessedOn)
			got := stillToAnswer(res, "workers-informed", "risk-workers")
			slices.Sort(got)
			if !slices.Equal(got, c.unanswered) {
				t.Errorf("still to answer %v, want %v (all unanswered: %v)", got, c.unanswered, res.Unanswered)
			}
		})
	}
}
