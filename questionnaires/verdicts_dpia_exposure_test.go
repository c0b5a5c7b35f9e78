package questionnaires_test

import "testing"

// Cases a DPO rated on the DPIA's exposure level at the small end. Under
// dpia 2.6.0 identified data alone was 6 of the 37 points and low ended
// at 20%, so a name-and-e-mail list of a few hundred people read
// moderate; dpia 2.7.0 ends low at 25% and keeps special-category,
// criminal and children's data at moderate at least. Each file's header
// gives the hand calculation.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// 800 subscribers, first name and e-mail, consent, no
			// tracking: 8 of 37, low, as WP248's mailing-list example.
			file:     "dpia-bookshop-newsletter-800-subscribers.yaml",
			outcome:  "low",
			levels:   map[string]string{"compliance": "minor", "residual-risk": "low", "exposure-level": "low"},
			dims:     map[string]string{"gaps": "0 of 128", "exposure": "8 of 37", "criteria": "0 of 9"},
			findings: "none",
		},
	)
}

// The wider low band must not let data the law protects specifically
// read low: the same few hundred people, pseudonymized, with one kind of
// special-category, criminal or children's data, score 3 + 4 = 7 of 37
// (18.9%), low by the points under either band, and are raised to
// moderate by the floor on data-categories.
func TestDPIAExposureSensitiveKindsNeverLow(t *testing.T) {
	lib := biLibrary(t)
	q, _ := lib.Get("dpia")
	for _, kind := range []string{"special", "criminal", "children"} {
		res := scoreOf(t, q, `
jurisdictions: [gdpr]
data-categories: [`+kind+`]
data-subjects: 300
identifiability: pseudonymized
edpb-criteria: [none]
authority-list: "no"
sector: none
automated-decisions: none`)
		checkDim(t, res, "exposure", "7", "7", "37")
		if got := levelOf(t, res, "exposure-level"); got != "moderate" {
			t.Errorf("%s data about 300 pseudonymized people: exposure %s, want moderate", kind, got)
		}
	}
	// And ordinary data at the same size stays low.
	res := scoreOf(t, q, `
jurisdictions: [gdpr]
data-categories: [identity, contact, behaviour]
data-subjects: 300
identifiability: identified
edpb-criteria: [none]
authority-list: "no"
sector: none
automated-decisions: none`)
	checkDim(t, res, "exposure", "9", "9", "37")
	if got := levelOf(t, res, "exposure-level"); got != "low" {
		t.Errorf("three ordinary kinds about 300 identified people: exposure %s, want low (9 of 37, 24.3%%)", got)
	}
}
