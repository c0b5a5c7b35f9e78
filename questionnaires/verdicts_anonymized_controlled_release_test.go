package questionnaires_test

// A record-level extract whose measured re-identification risk is
// accepted under a threshold approved for controlled access, shared with
// recipients that nothing binds against re-identification:
// anonymized-dataset 2.7.0 read it low. The file's header gives the hand
// calculation and the reasons.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// 14% against a 20% threshold for controlled access, the
			// recipients not bound: critical, not low.
			file: "anonymized-motor-claims-threshold-20-recipients-not-bound.yaml", outcome: "critical", knockout: "controlled-release",
			levels:   map[string]string{"sensitivity": "medium", "safeguards": "low"},
			dims:     map[string]string{"identifiability": "4 of 24", "gaps": "9 of 104"},
			findings: "linkage-ban:high controlled-release:high risk-vs-threshold:medium linkage-enforcement:medium",
		},
	)
}
