package questionnaires_test

// A licence of identified quote records rated by data protection counsel:
// nobody tells the people that the licensee now holds their data. The
// file's header gives the hand calculation and what counsel signs, and
// why.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// People never told that a new controller holds their data
			// (GDPR Article 14(3)): a high finding to close before the
			// first delivery, not medium with no finding.
			file: "licensing-quote-leads-broker-never-tells-people.yaml", outcome: "medium",
			levels:   map[string]string{"exposure-level": "high", "protection": "strong"},
			dims:     map[string]string{"exposure": "12 of 26", "gaps": "2 of 158"},
			findings: "licensee-notice:high",
		},
	)
}
