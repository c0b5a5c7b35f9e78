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
			levels: map[string]string{"data-sensitivity": "low", "business-criticality": "low", "tier": "low", "control-gaps": "high"},
			dims:   map[string]string{"exposure": "0 of 35", "criticality": "0 of 20", "gaps": "15 of 38"},
			findings: "source-lawful-basis:high source-notice:high our-notice:high marketing-consent:high " +
				"opt-outs:medium supply-indemnity:medium data-accuracy:low",
		},
		verdictCase{
			// Provenance, notices and suppression in place: low, not
			// raised for being bought in.
			file: "tpdd-b2b-contact-list-provenance-and-suppression.yaml", outcome: "low",
			levels:   map[string]string{"data-sensitivity": "low", "business-criticality": "low", "tier": "low", "control-gaps": "low"},
			dims:     map[string]string{"exposure": "0 of 35", "criticality": "0 of 20", "gaps": "0 of 36"},
			findings: "none",
		},
		// A vendor that only supplies us with data (third-party-due-diligence
		// 3.6.0) is asked what matters for what it supplies, not how it
		// protects data of ours it never receives.
		verdictCase{
			// A research-only licence for a marketing use: medium, not low.
			file: "tpdd-conference-invite-list-licensed-for-research-only.yaml", outcome: "medium", knockout: "supply-licence",
			levels:   map[string]string{"data-sensitivity": "low", "business-criticality": "low", "tier": "low", "control-gaps": "low"},
			dims:     map[string]string{"exposure": "0 of 35", "criticality": "0 of 20", "gaps": "3 of 28"},
			findings: "supply-licence:medium data-accuracy:low",
		},
		verdictCase{
			// A regulated process stops without the feed, and the supplier
			// recovers in three days against our one: medium, not low.
			file: "tpdd-sanctions-pep-list-feed-misses-rto.yaml", outcome: "medium", knockout: "continuity-plan",
			levels:   map[string]string{"data-sensitivity": "low", "business-criticality": "high", "tier": "moderate", "control-gaps": "low"},
			dims:     map[string]string{"exposure": "0 of 35", "criticality": "17 of 20", "gaps": "2 of 38"},
			findings: "continuity-plan:medium",
		},
		// The list purchase: due diligence of the provider, where
		// prescreen 1.6.0 recommended nothing.
		verdictCase{file: "prescreen-b2b-contact-list-purchase.yaml", recommends: []string{"third-party-due-diligence"}},
	)
}
