package questionnaires_test

// Personal data bought in: a B2B contact list bought from a list
// provider and emailed from an assessed CRM. As the data's recipient we
// answer for its source and owe the people a notice (GDPR Article 14),
// so the pre-screen asks for due diligence of the provider
// (prescreen 1.7.0), and the due diligence checks the source
// (third-party-due-diligence 3.5.0). Each file's header gives the hand
// calculation and what the earlier versions read.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// No source and no lawful basis for any record: the list
			// cannot be used; high, not low.
			file: "tpdd-b2b-contact-list-no-provenance.yaml", outcome: "high", knockout: "source-lawful-basis",
			levels: map[string]string{"data-sensitivity": "low", "business-criticality": "low", "tier": "low", "control-gaps": "low"},
			dims:   map[string]string{"exposure": "0 of 35", "criticality": "0 of 20", "gaps": "12 of 198"},
			findings: "source-lawful-basis:high source-notice:high our-notice:high marketing-consent:high " +
				"opt-outs:medium",
		},
		verdictCase{
			// Provenance, notices and suppression in place: low, not
			// raised for being bought in.
			file: "tpdd-b2b-contact-list-provenance-and-suppression.yaml", outcome: "low",
			levels:   map[string]string{"data-sensitivity": "low", "business-criticality": "low", "tier": "low", "control-gaps": "low"},
			dims:     map[string]string{"exposure": "0 of 35", "criticality": "0 of 20", "gaps": "0 of 196"},
			findings: "none",
		},
		// The list purchase: due diligence of the provider, where
		// prescreen 1.6.0 recommended nothing.
		verdictCase{file: "prescreen-b2b-contact-list-purchase.yaml", recommends: []string{"third-party-due-diligence"}},
	)
}
