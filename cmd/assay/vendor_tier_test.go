package main

import (
	"strings"
	"testing"
)

// The vendor does not set its own tier: answers to the questions that set
// it, given by the vendor and not yet confirmed, leave the tier set by
// hand (and with it the reassessment cadence) as it was. Before, a vendor
// filling in the file assay send wrote could answer "public data, minor
// outage, easy to replace" and move its next reassessment from one year
// to three, unread by anyone. Confirmed, or answered by the analyst, the
// same answers set the tier.
func TestVendorsUnconfirmedAnswersDoNotSetItsTier(t *testing.T) {
	s := newCLISession(t)
	s.ok("subject", "add", "Acme Cloud Ltd", "--kind", "vendor", "--tier", "critical")
	id := strings.TrimSpace(s.ok("--questionnaires", testdataQuestionnaires, "new", "-q", "vendor-tiering", "-s", "Acme Cloud Ltd", "--date", "2026-01-15"))
	sent := strings.TrimSpace(s.ok("--questionnaires", testdataQuestionnaires, "send", id, "-o", "-"))
	sent = fill(t, fill(t, fill(t, sent+"\n", "data-class", "public"), "outage-impact", "minor"), "substitutable", "easy")
	s.ok("--questionnaires", testdataQuestionnaires, "answer", id, "-f", writeTemp(t, "vendor.yaml", sent))
	out := s.ok("--questionnaires", testdataQuestionnaires, "subject", "show", "Acme Cloud Ltd", "--as-of", "2026-03-10")
	for _, want := range []string{"  Tier:     critical (set by hand)\n", "  Cadence:  every 12 months; next due 2027-01-15"} {
		if !strings.Contains(out, want) {
			t.Errorf("with the vendor's answers unconfirmed, subject show lacks %q:\n%s", want, out)
		}
	}
	// The analyst gives the same answers: now they set the tier.
	low := "answers:\n  data-class: public\n  outage-impact: minor\n  substitutable: easy\n"
	s.ok("--questionnaires", testdataQuestionnaires, "answer", id, "--own", "-f", writeTemp(t, "own.yaml", low))
	out = s.ok("--questionnaires", testdataQuestionnaires, "subject", "show", "Acme Cloud Ltd", "--as-of", "2026-03-10")
	for _, want := range []string{"  Tier:     low (from assessment 1)\n", "  Cadence:  every 36 months; next due 2029-01-15"} {
		if !strings.Contains(out, want) {
			t.Errorf("with the answers the analyst's, subject show lacks %q:\n%s", want, out)
		}
	}
}
