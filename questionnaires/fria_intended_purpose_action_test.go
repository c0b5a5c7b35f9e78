package questionnaires_test

import (
	"strings"
	"testing"
)

// A deployer using a high-risk system outside its intended purpose has
// two lawful ways on: keep to the purpose, or have the use covered as a
// provider covers it, the provider extending the intended purpose in its
// instructions for use, or the deployer taking on the provider's
// obligations for that use (AI Act Article 25). The action asked for the
// provider's "confirmation", which makes no use lawful, and a conformity
// assessment "redone" by no one named.
func TestFRIAIntendedPurposeActionNamesTheLawfulWays(t *testing.T) {
	q := biGet(t, "eu-ai-act-fria")
	ip, ok := q.Question("intended-purpose")
	if !ok {
		t.Fatal("no intended-purpose")
	}
	if strings.Contains(ip.Action, "confirmation") {
		t.Errorf("intended-purpose's action rests on the provider's confirmation: %q", ip.Action)
	}
	for _, w := range []string{"instructions for use", "Article 25"} {
		if !strings.Contains(ip.Action, w) {
			t.Errorf("intended-purpose's action does not name %s: %q", w, ip.Action)
		}
	}
}
