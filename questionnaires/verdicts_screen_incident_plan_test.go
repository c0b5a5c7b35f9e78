package questionnaires_test

// A vendor screened with no written incident response plan: rated by a
// vendor-risk lead as the due diligence rates it. The file's header gives
// the hand calculation and what the lead signs, and why.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// No written plan behind a 24-hour notice clause: a high
			// finding, not the medium one a plan left unexercised gets.
			file: "vendor-screen-survey-platform-no-incident-plan.yaml", outcome: "low",
			dims:     map[string]string{"risk": "4 of 96"},
			findings: "incident-plan:high",
		},
	)
}
