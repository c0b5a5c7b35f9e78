package questionnaires_test

import (
	"strings"
	"testing"
)

// TestAIActHighRiskRoutesInTheHelp: fairness-aia 2.3.0 listed Annex III
// as "employment, education, credit scoring, essential services, law
// enforcement and migration", so an emergency-triage score (Annex III
// point 5(d)), a medical device (Article 6(1) and Annex I) or a
// biometric system read as minimal risk, and fria-link and the FRIA's
// deployer-type said Article 27 binds public bodies for any high-risk
// system, though it covers Annex III systems only (Article 27(1)), so a
// public hospital using a medical device answered "no" and got a high
// finding for an assessment the law does not ask of it.
func TestAIActHighRiskRoutesInTheHelp(t *testing.T) {
	aia := biGet(t, "fairness-aia")
	fria := biGet(t, "eu-ai-act-fria")
	cases := []struct {
		questionnaire, question string
		says                    []string
	}{
		{"fairness-aia", "ai-act-class", []string{"Article 6(2)", "biometric", "critical infrastructure", "emergency patient triage", "Article 6(1)", "Annex I", "medical-device"}},
		{"fairness-aia", "fria-link", []string{"Annex III (Article 6(2))", "Annex III point 2", "Annex I (Article 6(1))"}},
		{"eu-ai-act-fria", "deployer-type", []string{"Annex III (Article 6(2))", "Annex I (Article 6(1))"}},
	}
	for _, c := range cases {
		q := aia
		if c.questionnaire == fria.ID {
			q = fria
		}
		qq, ok := q.Question(c.question)
		if !ok {
			t.Fatalf("%s has no %s", c.questionnaire, c.question)
		}
		help := strings.Join(strings.Fields(qq.Help), " ")
		for _, s := range c.says {
			if !strings.Contains(help, s) {
				t.Errorf("%s %s: the help does not say %q:\n%s", c.questionnaire, c.question, s, help)
			}
		}
	}
}
