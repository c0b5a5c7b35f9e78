package questionnaires_test

// A synthetic dataset whose copy test found real records still in it,
// released anyway: anonymized-dataset 2.9.0 asked only whether the test
// was made. The file's header gives the hand calculation and the change.
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
	)
}
