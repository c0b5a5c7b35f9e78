package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Four vendors answering "not applicable" to vendor-security-screen's
// attestation question, rated by a vendor-risk professional: honest for a
// room-booking module holding business contact details at most; a dodge
// for a small translation agency, a payroll bureau pointing to its cloud
// provider's reports and an IT provider offering its own policies, each
// of which reads as if it had answered no. Each file's header gives the
// hand calculation and what the professional signs, and why.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Too small for an audit: medium, as "no" reads.
			file: "vendor-screen-translation-agency-attestation-not-applicable-too-small.yaml", outcome: "medium", knockout: "attestation-not-applicable",
			dims:     map[string]string{"risk": "6 of 92"},
			findings: "attestation-not-applicable:high",
		},
		verdictCase{
			// The host's reports do not cover the bureau's service.
			file: "vendor-screen-payroll-bureau-attestation-not-applicable-host-certified.yaml", outcome: "medium", knockout: "attestation-not-applicable",
			dims:     map[string]string{"risk": "6 of 92"},
			findings: "attestation-not-applicable:high",
		},
		verdictCase{
			// Business contact details at most: not applicable is honest,
			// and nothing more is asked.
			file: "vendor-screen-room-booking-attestation-not-applicable-business-contacts.yaml", outcome: "low",
			dims: map[string]string{"risk": "11 of 86"},
			findings: "security-training:low least-privilege:low access-review:low pentest:low logging:low " +
				"monitoring:low continuity:low incident-plan:low subprocessor-notice:low",
		},
		verdictCase{
			// Its own policies instead: the attestation's finding stays
			// on the plan; the passwords set high.
			file: "vendor-screen-it-msp-attestation-not-applicable-own-policies.yaml", outcome: "high", knockout: "mfa",
			dims:     map[string]string{"risk": "11 of 92"},
			findings: "mfa:critical attestation-not-applicable:high pentest:medium",
		},
	)
}

// "Not applicable" on the attestation never lifts its medium floor from a
// vendor that holds more than business contact details, unless its people
// work only in our systems: with every other control in place, the
// screen reads low only for business contact details or that reason. In
// 2.15.0 each such vendor read low and complete on "not applicable"
// alone.
func TestScreenAttestationNotApplicableKeepsTheFloor(t *testing.T) {
	q := biGet(t, "vendor-security-screen")
	var rest strings.Builder
	for _, qn := range q.Questions {
		switch qn.ID {
		case "data-sensitivity", "attestation", "attestation-not-applicable":
		default:
			rest.WriteString(qn.ID + ": \"yes\"\n")
		}
	}
	for _, c := range []struct {
		data, why string
		low       bool
	}{
		{"business-contacts", "", true},
		{"personal", "", false},
		{"special", "", false},
		{"access", "", false},
		{"personal", "our-systems", true},
		{"special", "too-small", false},
		{"personal", "host-certified", false},
		{"access", "own-word", false},
	} {
		body := "data-sensitivity: " + c.data + "\nattestation: na\n" + rest.String()
		if c.why != "" {
			body += "attestation-not-applicable: " + c.why + "\n"
		}
		res := assess.Score(q, answersOf(t, q, body), assessedOn)
		low := res.Complete && res.Outcome != nil && res.Outcome.Level == "low"
		if low != c.low {
			t.Errorf("data %s, not applicable (%q): complete %v, outcome %+v; want low: %v", c.data, c.why, res.Complete, res.Outcome, c.low)
		}
	}
}
