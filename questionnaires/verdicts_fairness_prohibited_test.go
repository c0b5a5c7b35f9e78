package questionnaires_test

// A fairness review a reviewer rated where the EU AI Act prohibits the
// practice (emotion recognition of call-centre agents, Article
// 5(1)(f)): the impact level must say the system may not be used, not
// "IV", which fairness-aia 2.9.0 gave and whose meaning lets the
// committee accept the remaining risks. The file's header gives the
// hand calculation and the change.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			file:     "fairness-call-centre-agent-emotion-recognition-prohibited.yaml",
			outcome:  "prohibited",
			knockout: "ai-act-class",
			levels:   map[string]string{"mitigation-level": "moderate"},
			dims:     map[string]string{"impact": "28 of 55", "mitigation": "79 of 112"},
			findings: "ai-act-class:critical explanation:high " +
				"stakeholder-consultation:medium bias-testing:medium intersectional-testing:medium " +
				"bias-results:medium accuracy-by-group:medium label-quality:medium proxy-review:medium " +
				"adversarial-testing:medium override-tracking:medium monitoring-alerts:medium " +
				"change-retest:medium independent-review:medium vendor-review-right:medium " +
				"vendor-results:low",
			noMeaningMentions: []string{"accepts the remaining risks"},
		},
	)
}
