package questionnaires_test

import (
	"strings"
	"testing"
)

// On an onboarding call a vendor whose transfers rest on its approved
// binding corporate rules (GDPR Article 47), or whose US recipient is
// certified under the EU-US Data Privacy Framework, must be able to answer
// transfer-safeguards yes: it asked for "an adequacy decision or standard
// contractual clauses" only, and a literal "no" is a knock-out. Data kept
// in another country of the European Economic Area is no transfer under
// the GDPR, so data-location's answer for it must not send the analyst to
// the transfer questions.
func TestDueDiligenceTransfersNameEveryTool(t *testing.T) {
	q := biGet(t, "third-party-due-diligence")
	safeguards, ok := q.Question("transfer-safeguards")
	if !ok {
		t.Fatal("no transfer-safeguards")
	}
	said := strings.ToLower(safeguards.Text + " " + safeguards.Help)
	for _, tool := range []string{"binding corporate rules", "data privacy framework", "standard contractual clauses"} {
		if !strings.Contains(said, tool) {
			t.Errorf("transfer-safeguards does not name %s: %q", tool, said)
		}
	}
	location, ok := q.Question("data-location")
	if !ok {
		t.Fatal("no data-location")
	}
	for _, o := range location.Options {
		if o.Value == "home" && !strings.Contains(o.Label, "European Economic Area") {
			t.Errorf("data-location's home answer does not say data within the European Economic Area counts: %q", o.Label)
		}
	}
}
