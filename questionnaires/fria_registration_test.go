package questionnaires_test

import (
	"slices"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// TestFRIARegistrationAskedOfThoseArticle49Binds: Article 49(3) binds
// "deployers that are public authorities, Union institutions, bodies,
// offices or agencies or persons acting on their behalf" to register
// their use, and Article 26(8) has them refuse a system its provider has
// not registered. eu-ai-act-fria 1.17.1 asked both registrations of every
// body governed by public law and of no one else; since 1.18.0 they
// follow public-authority, asked of public-law bodies and public-service
// providers, so a contractor acting for a ministry is asked and a
// public-law body that is no public authority, or a social housing
// company acting in its own right, is not.
func TestFRIARegistrationAskedOfThoseArticle49Binds(t *testing.T) {
	q := biGet(t, "eu-ai-act-fria")
	registrations := []string{"provider-registration", "use-registration"}
	for _, c := range []struct {
		deployer, authority string // authority "" leaves public-authority unanswered (hidden)
		asked               bool
	}{
		{"public-body", "yes", true},
		{"public-body", "no", false},
		{"public-service", "yes", true},
		{"public-service", "no", false},
		{"credit-insurance", "", false},
		{"voluntary", "", false},
	} {
		overrides := map[string]assess.Value{"deployer-type": biChoice(c.deployer)}
		if c.authority != "" {
			overrides["public-authority"] = biChoice(c.authority)
		}
		answers := biAnswers(t, q, false, overrides)
		if c.authority == "" {
			delete(answers, "public-authority")
		}
		for _, id := range registrations {
			delete(answers, id)
		}
		res := assess.Score(q, answers, biAssessedOn)
		asked := stillToAnswer(res, registrations...)
		if c.asked != slices.Equal(asked, registrations) || (!c.asked && len(asked) > 0) {
			t.Errorf("%s, public authority %q: registrations still to answer %v, want asked %v (unanswered: %v)",
				c.deployer, c.authority, asked, c.asked, res.Unanswered)
		}
		if c.authority == "" && slices.Contains(res.Unanswered, "public-authority") {
			t.Errorf("%s: public-authority asked, want hidden", c.deployer)
		}
	}
}
