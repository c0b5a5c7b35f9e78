package questionnaires_test

// Systems a fairness reviewer and an EU AI Act compliance lead answered
// as the deployer's analyst would and signed: a credit-limit model and a
// CV ranker measured only overall, a face matcher at a door, a tenants'
// chatbot, a moderation classifier across languages, a mortgage model
// failing one combination of groups, recipe suggestions trained on
// unchecked clicks, and an emergency triage model whose patients are not
// told. Each file's header gives the hand calculation, what the earlier
// version of fairness-aia or eu-ai-act-fria said where it differed, and
// why the verdict signed is right.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Never tested by group: level III, moderate, not II, strong.
			file: "fairness-credit-limit-postcode-aggregate-tests-only.yaml", outcome: "III",
			levels: map[string]string{"mitigation-level": "moderate"},
			dims:   map[string]string{"impact": "29 of 55", "mitigation": "84 of 108"},
			findings: "fairness-metrics:high bias-testing:high bias-results:high production-monitoring:high " +
				"intersectional-testing:medium accuracy-by-group:medium monitoring-alerts:medium change-retest:medium",
		},
		verdictCase{
			// Ten years of hires as labels, 70% rejected unread: III,
			// weak, and no inversion findings for a model no one outside
			// can query.
			file: "fairness-cv-ranking-ten-years-of-hires-aggregate-only.yaml", outcome: "III",
			levels: map[string]string{"mitigation-level": "weak"},
			dims:   map[string]string{"impact": "35 of 55", "mitigation": "30 of 100"},
			findings: "automation:high fairness-metrics:high bias-testing:high bias-results:high data-representation:high " +
				"historical-bias:high feedback-loop-correction:high reviewer-time:high reviewer-information:high explanation:high contest:high redress:high production-monitoring:high " +
				"stakeholder-consultation:medium intersectional-testing:medium group-data:medium accuracy-by-group:medium " +
				"proxy-review:medium adversarial-testing:medium human-oversight:medium override-tracking:medium " +
				"reviewer-training:medium data-correction:medium monitoring-alerts:medium drift-monitoring:medium " +
				"remediation-plan:medium change-retest:medium independent-review:medium label-quality:low documentation:low",
		},
		verdictCase{
			// A face match at a door, untested by group: II, weak, with
			// the access area and the characteristics a face shows.
			file: "fairness-face-match-building-access-vendor-untested.yaml", outcome: "II",
			levels: map[string]string{"mitigation-level": "weak"},
			dims:   map[string]string{"impact": "26 of 55", "mitigation": "42 of 86"},
			findings: "fairness-metrics:high bias-testing:high bias-results:high data-representation:high " +
				"production-monitoring:high vendor-fairness:high intersectional-testing:medium group-data:medium " +
				"accuracy-by-group:medium data-lawful-origin:medium drift-monitoring:medium remediation-plan:medium " +
				"change-retest:medium independent-review:medium vendor-results:medium vendor-review-right:medium documentation:low",
		},
		verdictCase{
			// A tenants' chatbot that decides nothing: II, weak; its
			// accuracy measured only in part is medium, not low (2.5.0).
			file: "fairness-tenant-chatbot-vendor-llm-untested-by-language.yaml", outcome: "II",
			levels: map[string]string{"mitigation-level": "weak"},
			dims:   map[string]string{"impact": "24 of 55", "mitigation": "38 of 84"},
			findings: "fairness-metrics:high bias-testing:high bias-results:high production-monitoring:high vendor-fairness:high " +
				"intersectional-testing:medium group-data:medium accuracy-targets:medium accuracy-by-group:medium " +
				"data-lawful-origin:medium redress:medium drift-monitoring:medium remediation-plan:medium change-retest:medium " +
				"independent-review:medium vendor-results:medium vendor-review-right:medium stakeholder-consultation:low " +
				"documentation:low vendor-change-notice:low",
		},
		verdictCase{
			// Moderation failing two languages, suspension automatic: III.
			file: "fairness-marketplace-moderation-six-languages.yaml", outcome: "III",
			levels: map[string]string{"mitigation-level": "moderate"},
			dims:   map[string]string{"impact": "29 of 55", "mitigation": "53 of 98"},
			findings: "automation:high bias-results:high data-representation:high historical-bias:high feedback-loop-correction:high redress:high " +
				"stakeholder-consultation:medium fairness-metrics:medium bias-testing:medium intersectional-testing:medium " +
				"accuracy-targets:medium proxy-review:medium data-poisoning:medium reviewer-time:medium reviewer-information:medium explanation:medium production-monitoring:medium " +
				"monitoring-alerts:medium remediation-plan:medium independent-review:medium group-data:low " +
				"accuracy-by-group:low label-quality:low override-tracking:low change-retest:low documentation:low",
		},
		verdictCase{
			// Figures by group never read against a limit: "not
			// measured", III and moderate, not the II and strong that
			// 2.5.0's "partly" gave for want of the answer (2.6.0).
			file: "fairness-apprentice-shortlist-group-rates-no-limits.yaml", outcome: "III",
			levels:   map[string]string{"mitigation-level": "moderate"},
			dims:     map[string]string{"impact": "32 of 55", "mitigation": "94 of 104"},
			findings: "fairness-metrics:high bias-results:high monitoring-alerts:medium",
		},
		verdictCase{
			// Offers emailed to loyalty members, accuracy measured for
			// some categories: a low finding, not the medium a credit
			// model's would be (severity_when).
			file: "fairness-loyalty-offers-accuracy-some-categories.yaml", outcome: "II",
			levels:   map[string]string{"mitigation-level": "strong"},
			dims:     map[string]string{"impact": "22 of 55", "mitigation": "103 of 104"},
			findings: "accuracy-targets:low",
		},
		verdictCase{
			// Women over 50 outside the approval-rate limit, left so:
			// bias-results "no", III and moderate, not the II and strong
			// that 2.6.0's intersectional "no" gave for want of a place
			// to say a combination failed (2.7.0).
			file: "fairness-mortgage-affordability-older-women-combination-outside-limit.yaml", outcome: "III",
			levels:   map[string]string{"mitigation-level": "moderate"},
			dims:     map[string]string{"impact": "28 of 55", "mitigation": "104 of 108"},
			findings: "bias-results:high",
		},
		verdictCase{
			// Recipe suggestions trained on unchecked clicks: the data
			// findings medium and low, not the high and medium a CV
			// ranker's are (severity_when, 2.7.0).
			file: "fairness-recipe-suggestions-app-data-unchecked.yaml", outcome: "II",
			levels:   map[string]string{"mitigation-level": "strong"},
			dims:     map[string]string{"impact": "18 of 55", "mitigation": "100 of 104"},
			findings: "data-representation:medium historical-bias:low feedback-loop-correction:low",
		},
		verdictCase{
			// Patients not told of an Annex III triage model (Article
			// 26(11)): high, not medium.
			file: "fria-emergency-triage-patients-not-told.yaml", outcome: "high", knockout: "people-informed",
			levels:   map[string]string{"measures": "minor", "residual-risk": "medium", "reach": "wide"},
			dims:     map[string]string{"gaps": "7 of 60", "exposure": "10 of 23"},
			findings: "people-informed:high provider-information:medium risk-essential-services:medium input-data:low",
		},
		verdictCase{
			// Victims in contact with the police (Annex III point 6):
			// their own category, reach wide of the same 23 (1.8.0).
			file: "fria-police-domestic-abuse-repeat-risk.yaml", outcome: "low",
			levels:   map[string]string{"measures": "minor", "residual-risk": "low", "reach": "wide"},
			dims:     map[string]string{"gaps": "0 of 60", "exposure": "10 of 23"},
			findings: "none",
		},
		verdictCase{
			// A re-offending score prosecutors cite at bail hearings,
			// never disclosed to the defence (Charter Article 48): high,
			// not the medium 1.8.0 read without the question (1.9.0).
			file: "fria-police-reoffending-score-bail-undisclosed.yaml", outcome: "high",
			levels:   map[string]string{"measures": "minor", "residual-risk": "high", "reach": "wide"},
			dims:     map[string]string{"gaps": "1 of 60", "exposure": "8 of 23"},
			findings: "risk-justice:high risk-remedy:medium explanation:medium",
		},
	)
}
