package questionnaires_test

// A vendor-risk lead's reading of a vendor with no security logging,
// and of one that logs but does not monitor: vendor-security-screen
// 2.12.0 read both low. Each file's header gives the hand calculation.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// No security logs: it can neither see an intrusion nor say
			// which records one reached. Medium, not low.
			file: "vendor-screen-ticketing-saas-no-security-logging.yaml", outcome: "medium", knockout: "logging",
			dims:     map[string]string{"risk": "4 of 92"},
			findings: "logging:medium monitoring:medium",
		},
		verdictCase{
			// Logs kept, not watched: an incident can be scoped and
			// notified. Low, with the finding in the plan.
			file: "vendor-screen-ticketing-saas-logs-kept-not-monitored.yaml", outcome: "low",
			dims:     map[string]string{"risk": "2 of 92"},
			findings: "monitoring:medium",
		},
	)
}
