package questionnaires_test

// A loan model retrained on the loans it approved only, rated by a
// fairness reviewer: fairness-aia 2.11.0 asked whether decisions feed
// back into the training data, as impact, and never what was done about
// it. The file's header gives the hand calculation and the change.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Refused applicants never reach the training data, and
			// nothing corrects for it: a high finding, not none.
			file: "fairness-credit-union-loans-retrained-on-approved-only.yaml", outcome: "II",
			levels:   map[string]string{"mitigation-level": "strong"},
			dims:     map[string]string{"impact": "26 of 55", "mitigation": "106 of 108"},
			findings: "feedback-loop-correction:high",
		},
	)
}

// The same credit union's scorecard behind a public loan calculator,
// whose privacy tests found the attack working and were answered "yes":
// fairness-aia 2.11.0 asked only whether the tests were made.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Members with rare profiles told apart (AUC 0.71): a high
			// finding, not full marks.
			file: "fairness-credit-union-calculator-membership-attack-succeeded.yaml", outcome: "II",
			levels:   map[string]string{"mitigation-level": "strong"},
			dims:     map[string]string{"impact": "26 of 55", "mitigation": "106 of 108"},
			findings: "membership-inference:high",
		},
		verdictCase{
			// Income bands recovered from unrounded scores: a high
			// finding, not full marks.
			file: "fairness-credit-union-calculator-scores-reveal-income.yaml", outcome: "II",
			levels:   map[string]string{"mitigation-level": "strong"},
			dims:     map[string]string{"impact": "26 of 55", "mitigation": "106 of 108"},
			findings: "model-inversion:high",
		},
	)
}
