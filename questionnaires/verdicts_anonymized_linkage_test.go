package questionnaires_test

// An anonymized dataset a DPO rated whose re-identification risk was
// measured but never tried by linkage: anonymized-dataset 2.8.1 asked
// nothing about a motivated-intruder test and found nothing. The file's
// header gives the hand calculation and the change.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			file: "anonymized-synthetic-current-accounts-no-linkage-test.yaml", outcome: "low",
			levels:   map[string]string{"sensitivity": "medium", "safeguards": "low"},
			dims:     map[string]string{"identifiability": "6 of 24", "gaps": "4 of 100"},
			findings: "linkage-test:high",
		},
	)
}
