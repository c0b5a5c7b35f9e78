package questionnaires_test

// A differential privacy budget so large that the guarantee limits
// nothing: anonymized-dataset 2.7.0 made it a high finding and still read
// the dataset low, "may be used for the stated products". The file's
// header gives the hand calculation and the reasons.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Epsilon 16 a year, person-level, everything else in
			// place: medium with a high finding, not low.
			file: "anonymized-dp-card-spend-epsilon-16-a-year.yaml", outcome: "medium", knockout: "dp-epsilon",
			levels:   map[string]string{"sensitivity": "medium", "safeguards": "low"},
			dims:     map[string]string{"identifiability": "5 of 24", "gaps": "4 of 98"},
			findings: "dp-epsilon:high",
		},
	)
}
