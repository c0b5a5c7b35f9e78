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
			levels: map[string]string{"supplied-data-sensitivity": "low", "data-sensitivity": "low", "business-criticality": "low", "tier": "low", "control-gaps": "high"},
			dims:   map[string]string{"exposure": "0 of 35", "supplied": "2 of 20", "criticality": "0 of 20", "gaps": "15 of 38"},
			findings: "source-lawful-basis:high source-notice:high our-notice:high marketing-consent:high " +
				"opt-outs:medium supply-indemnity:medium data-accuracy:low",
		},
		verdictCase{
			// Provenance, notices and suppression in place: low, not
			// raised for being bought in.
			file: "tpdd-b2b-contact-list-provenance-and-suppression.yaml", outcome: "low",
			levels:   map[string]string{"supplied-data-sensitivity": "low", "data-sensitivity": "low", "business-criticality": "low", "tier": "low", "control-gaps": "low"},
			dims:     map[string]string{"exposure": "0 of 35", "supplied": "2 of 20", "criticality": "0 of 20", "gaps": "0 of 36"},
			findings: "none",
		},
		// A vendor that only supplies us with data (third-party-due-diligence
		// 3.6.0) is asked what matters for what it supplies, not how it
		// protects data of ours it never receives.
		verdictCase{
			// A research-only licence for a marketing use: medium, not low.
			file: "tpdd-conference-invite-list-licensed-for-research-only.yaml", outcome: "medium", knockout: "supply-licence",
			levels:   map[string]string{"supplied-data-sensitivity": "low", "data-sensitivity": "low", "business-criticality": "low", "tier": "low", "control-gaps": "low"},
			dims:     map[string]string{"exposure": "0 of 35", "supplied": "2 of 20", "criticality": "0 of 20", "gaps": "3 of 28"},
			findings: "supply-licence:medium data-accuracy:low",
		},
		verdictCase{
			// A regulated process stops without the feed, and the supplier
			// recovers in three days against our one: medium, not low.
			// Criminal-offence and special-category data about 1.5 million
			// people put the supplier in the critical tier, so the
			// finding is high and the matrix alone reads medium.
			file: "tpdd-sanctions-pep-list-feed-misses-rto.yaml", outcome: "medium",
			levels: map[string]string{
				"held-data-sensitivity": "low", "supplied-data-sensitivity": "high", "data-sensitivity": "high",
				"business-criticality": "high", "tier": "critical", "control-gaps": "low",
			},
			dims:     map[string]string{"exposure": "0 of 35", "supplied": "10 of 20", "criticality": "17 of 20", "gaps": "2 of 46"},
			findings: "continuity-plan:high",
		},
		// What a vendor supplies weighs in the tier, and special-category
		// or criminal-offence data needs its Article 9 condition or
		// Article 10 authority at source; a supplier of data that is not
		// personal is asked about the licence, warranty, indemnity,
		// accuracy and delivery of what it supplies.
		verdictCase{
			// Health data about 40,000 people under explicit consent naming
			// recipients like us: low, in the high tier, not the low one.
			file: "tpdd-health-conditions-list-explicit-consent.yaml", outcome: "low",
			levels: map[string]string{
				"held-data-sensitivity": "low", "supplied-data-sensitivity": "high", "data-sensitivity": "high",
				"business-criticality": "low", "tier": "high", "control-gaps": "low",
			},
			dims:     map[string]string{"exposure": "0 of 35", "supplied": "6 of 20", "criticality": "0 of 20", "gaps": "0 of 42"},
			findings: "none",
		},
		verdictCase{
			// The same list with no Article 9 condition at source: high,
			// not low.
			file: "tpdd-health-conditions-list-no-article-9-condition.yaml", outcome: "high", knockout: "source-special-condition",
			levels: map[string]string{
				"supplied-data-sensitivity": "high", "data-sensitivity": "high", "tier": "high", "control-gaps": "low",
			},
			dims:     map[string]string{"supplied": "6 of 20", "gaps": "4 of 42"},
			findings: "source-special-condition:high",
		},
		verdictCase{
			// A rates feed licensed for internal display, shown to
			// customers: medium, not low. It supplies no personal data,
			// and the report says so ("none"), not "low" beside "0 of 20".
			file: "tpdd-fx-rates-feed-licence-excludes-customer-display.yaml", outcome: "medium", knockout: "supply-licence",
			levels: map[string]string{
				"supplied-data-sensitivity": "none", "data-sensitivity": "low", "business-criticality": "high",
				"tier": "moderate", "control-gaps": "low",
			},
			dims:     map[string]string{"exposure": "0 of 35", "supplied": "0 of 20", "criticality": "16 of 20", "gaps": "2 of 32"},
			findings: "supply-licence:medium",
		},
		verdictCase{
			// Official sanctions lists: criminal-offence data about 9,000
			// people a regulated process relies on; low, in the high tier.
			file: "tpdd-sanctions-list-feed-official-lists.yaml", outcome: "low",
			levels: map[string]string{
				"supplied-data-sensitivity": "medium", "data-sensitivity": "medium", "business-criticality": "high",
				"tier": "high", "control-gaps": "low",
			},
			dims:     map[string]string{"exposure": "0 of 35", "supplied": "5 of 20", "criticality": "16 of 20", "gaps": "0 of 42"},
			findings: "none",
		},
		// The list purchase: due diligence of the provider, where
		// prescreen 1.6.0 recommended nothing.
		// The ICO's Article 35(4) list names data matching for direct
		// marketing: a DPIA since prescreen 1.9.0.
		verdictCase{file: "prescreen-b2b-contact-list-purchase.yaml", recommends: []string{"dpia", "third-party-due-diligence"}},
	)
}
