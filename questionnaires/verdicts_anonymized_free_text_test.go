package questionnaires_test

// A dataset whose free text (site-search queries as typed) nobody
// reviewed: anonymized-dataset 2.10.0 asked nothing about free text.
// The file's header gives the hand calculation and the change.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Queries as typed in a k = 6 clickstream: high, not medium.
			file: "anonymized-clickstream-site-search-queries-kept-as-typed.yaml", outcome: "high", knockout: "free-text",
			levels: map[string]string{"sensitivity": "low", "safeguards": "medium"},
			dims:   map[string]string{"identifiability": "4 of 24", "gaps": "34 of 102"},
			findings: "free-text:high k-value:medium risk-vs-threshold:medium linkage-test:medium withdrawal:medium opt-out-applied:medium " +
				"challenge-route:medium fairness-impact:medium query-alerts:medium incident-response:medium " +
				"third-party-audit:medium last-revalidation:low linkage-enforcement:low public-summary:low " +
				"decision-log:low outcome-check:low access-logging:low",
		},
	)
}
