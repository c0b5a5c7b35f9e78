package questionnaires_test

// The FRIA as a professional rates the last element of Article 27(1) and
// the notification of Article 27(3) (eu-ai-act-fria 1.10.0): a credit
// union that set nothing down for when its risks materialise, and a
// university that waits for the template to notify.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// No measures if the risks materialise: high by the knock-out,
			// not the low that 1.9.0 gave with two findings.
			file: "fria-credit-union-loan-scoring-nothing-set-down-if-risks-materialise.yaml", outcome: "high", knockout: "incident-measures",
			levels:   map[string]string{"measures": "minor", "residual-risk": "low", "reach": "wide"},
			dims:     map[string]string{"gaps": "7 of 60", "exposure": "7 of 23"},
			findings: "incident-measures:high suspension:high risk-reporting:medium",
		},
		verdictCase{
			// No notification to the authority: a high finding, not
			// 1.9.0's medium; the outcome stays low.
			file: "fria-university-admissions-ranking-notification-waits-for-template.yaml", outcome: "low",
			levels:   map[string]string{"measures": "minor", "residual-risk": "low", "reach": "limited"},
			dims:     map[string]string{"gaps": "2 of 60", "exposure": "5 of 23"},
			findings: "authority-notice:high",
		},
	)
}
