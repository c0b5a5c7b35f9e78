package questionnaires_test

// A FRIA a reviewer rated where the deployer puts a high-risk system to
// a use the AI Act prohibits (social scoring by a public body, Article
// 5(1)(c)): eu-ai-act-fria 1.14.0 asked nothing about Article 5 and read
// low. The file's header gives the hand calculation and the change.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			file:    "fria-jobseeker-counselling-cooperation-score-social-scoring.yaml",
			outcome: "critical", knockout: "prohibited-practice",
			levels:   map[string]string{"measures": "minor", "residual-risk": "low", "reach": "wide"},
			dims:     map[string]string{"gaps": "0 of 60", "exposure": "10 of 23"},
			findings: "prohibited-practice:critical",
		},
	)
}
