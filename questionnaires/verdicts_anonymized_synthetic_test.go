package questionnaires_test

// Synthetic datasets whose privacy tests failed, released anyway: a copy
// test that found real records still in the data (anonymized-dataset
// 2.9.0 asked only whether the test was made), and a membership attack
// that beat the approved bound (2.11.0 asked the same). Each file's
// header gives the hand calculation and the change.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Near-copies of 310 real customers given to two agencies:
			// critical, not low with a finding.
			file: "anonymized-synthetic-current-accounts-near-copies-released.yaml", outcome: "critical", knockout: "synthetic-leakage",
			levels:   map[string]string{"sensitivity": "medium", "safeguards": "low"},
			dims:     map[string]string{"identifiability": "6 of 24", "gaps": "2 of 100"},
			findings: "synthetic-leakage:high",
		},
		verdictCase{
			// A membership attack that finds the rarest customers, the
			// data given to two agencies: critical, not low with no
			// finding.
			file: "anonymized-synthetic-current-accounts-membership-attack-succeeded.yaml", outcome: "critical", knockout: "synthetic-membership",
			levels:   map[string]string{"sensitivity": "medium", "safeguards": "low"},
			dims:     map[string]string{"identifiability": "6 of 24", "gaps": "2 of 100"},
			findings: "synthetic-membership:high",
		},
	)
}
