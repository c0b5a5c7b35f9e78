package questionnaires_test

// Differential privacy budgets that protect less than they seem to: one
// so large that the guarantee limits nothing, and a monthly series whose
// spending nobody adds up or caps. anonymized-dataset 2.7.0 read both
// low, "may be used for the stated products". Each file's header gives
// the hand calculation and the reasons.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Epsilon 16 a year, person-level, everything else in
			// place: medium with a high finding, not low.
			file: "anonymized-dp-card-spend-epsilon-16-a-year.yaml", outcome: "medium", knockout: "dp-epsilon",
			levels:   map[string]string{"sensitivity": "medium", "safeguards": "low"},
			dims:     map[string]string{"identifiability": "5 of 24", "gaps": "4 of 106"},
			findings: "dp-epsilon:high",
		},
		verdictCase{
			// Epsilon 0.5 a month, no ledger, no cap, no end: high,
			// not low.
			file: "anonymized-dp-district-footfall-monthly-no-budget-cap.yaml", outcome: "high", knockout: "dp-accounting",
			levels:   map[string]string{"sensitivity": "medium", "safeguards": "low"},
			dims:     map[string]string{"identifiability": "6 of 24", "gaps": "6 of 102"},
			findings: "dp-accounting:high dp-epsilon:medium",
		},
	)
}
