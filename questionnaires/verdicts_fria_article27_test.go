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
			findings: "incident-measures:high incident-decider:high suspension:high risk-reporting:high",
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

// When the assessment was made (eu-ai-act-fria 1.11.0, Articles 27(1)
// and 111(2)): a bank that switched to a redesigned model before
// assessing it, and the same council system put into service before and
// after 2 August 2026. A late assessment is a high finding, never a
// knock-out: stopping the use would not make it timely.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			file: "fria-bank-card-limits-new-model-used-before-assessment.yaml", outcome: "low",
			levels:   map[string]string{"measures": "minor", "residual-risk": "low", "reach": "wide"},
			dims:     map[string]string{"gaps": "2 of 60", "exposure": "11 of 23"},
			findings: "assessed-before-use:high authority-notice:high",
		},
		verdictCase{
			file: "fria-council-benefit-claims-triage-in-service-before-august-2026.yaml", outcome: "low",
			levels:   map[string]string{"measures": "minor", "residual-risk": "low", "reach": "wide"},
			dims:     map[string]string{"gaps": "0 of 60", "exposure": "8 of 23"},
			findings: "none",
		},
		verdictCase{
			file: "fria-council-benefit-claims-triage-first-used-september-2026.yaml", outcome: "low",
			levels:   map[string]string{"measures": "minor", "residual-risk": "low", "reach": "wide"},
			dims:     map[string]string{"gaps": "2 of 60", "exposure": "8 of 23"},
			findings: "assessed-before-use:high authority-notice:high use-registration:medium",
		},
	)
}

// eu-ai-act-fria 1.18.0 on Article 27(1)(f) and Article 49(3).
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Internal governance, the other arrangement Article
			// 27(1)(f) names beside complaint mechanisms: a building
			// society whose mortgage model no committee or senior manager
			// oversees. High by the knock-out, as a missing complaint
			// route is, not 1.17.1's low.
			file: "fria-building-society-mortgage-affordability-no-internal-governance.yaml", outcome: "high", knockout: "internal-governance",
			levels:   map[string]string{"measures": "minor", "residual-risk": "low", "reach": "wide"},
			dims:     map[string]string{"gaps": "4 of 60", "exposure": "9 of 23"},
			findings: "internal-governance:high governance-reports:high",
		},
		verdictCase{
			// Registration binds public authorities, EU bodies and those
			// acting on their behalf (Article 49(3)): a private company
			// running the public employment programme for a ministry,
			// its use not registered. High by the knock-out, not 1.17.1's
			// low, which asked registration of public-law bodies only.
			file: "fria-jobseeker-profiling-contractor-for-ministry-use-not-registered.yaml", outcome: "high", knockout: "use-registration",
			levels:   map[string]string{"measures": "minor", "residual-risk": "low", "reach": "wide"},
			dims:     map[string]string{"gaps": "0 of 60", "exposure": "8 of 23"},
			findings: "use-registration:high",
		},
	)
}
