package tui_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Submitting an assessment that holds vendor answers nobody confirmed asks
// whether they go forward as the vendor gave them, as the workspace's
// sign-off does; declined, the store refuses, and nothing is signed.
func TestAccessibleSignOffUnconfirmed(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	e.importVendorFile(a, "source: vendor\nanswers:\n  attestation: yes\n  mfa: no\n")
	text := e.accessible(strings.Join([]string{
		"1", "b", // the first question, then the assessment's choices
		"3", "1", // sign off: submit
		"maybe", "n", "", // declined
		"3", "1", "y", "Sent with the vendor's answers",
		"q",
	}, "\n") + "\n")
	for _, want := range []string{
		"2 of the vendor's answers are unconfirmed: nobody has confirmed or corrected them (y in the questions).",
		"Type y to accept them as the vendor gave them (the audit trail records that you did, with the count), or n not to:",
		"Type y or n.",
		"Not signed: ",
		"Signed: submitted by Dana Reyes on",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	got := e.load(a.ID)
	if got.Status != assess.InReview || len(got.SignOffs) != 1 {
		t.Errorf("state %s with %d signatures; want in review, signed once", got.Status, len(got.SignOffs))
	}
}

// A DPO's opinion with reservations must say why, as in the workspace;
// it is recorded as the DPO's, and the state does not change.
func TestAccessibleDPOOpinion(t *testing.T) {
	e := newEnv(t)
	a := e.create("dpia", "Payroll system")
	text := e.accessible(strings.Join([]string{
		"1", "b", "3",
		"3", // DPO opinion: favourable with reservations
		"",  // no reason: asked again
		"Retention is not yet set",
		"q",
	}, "\n") + "\n")
	for _, want := range []string{
		"Decisions: 1 Submit for review; 2 DPO opinion: favourable; 3 DPO opinion: favourable with reservations; 4 DPO opinion: unfavourable.",
		"Say why: this decision needs a comment.",
		"Signed: DPO opinion",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	got := e.load(a.ID)
	if n := len(got.SignOffs); n != 1 || got.SignOffs[0].Role != assess.RoleDPO || got.SignOffs[0].Comment != "Retention is not yet set" || got.Status == assess.InReview {
		t.Errorf("state %s, signatures %+v", got.Status, got.SignOffs)
	}
}
