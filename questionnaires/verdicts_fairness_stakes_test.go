package questionnaires_test

// Systems whose missing oversight or recourse a fairness reviewer rated
// by what is at stake (fairness-aia 2.9.0): a retailer's recommender with
// no way to contest a ranking, a council's housing-allocation score whose
// letters give no reasons, a card issuer's credit-line model nobody can
// pause, and a children's reading app whose editors cannot keep a book
// from a child. Each sits one answer from the other side of a
// severity_when; each file's header gives the hand calculation and the
// nearest answers that would move its findings.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// No way to contest a ranking that costs a shopper a scroll:
			// medium, not the high it was under 2.8.0.
			file: "fairness-retailer-recommender-no-way-to-contest.yaml", outcome: "II",
			levels:   map[string]string{"mitigation-level": "strong"},
			dims:     map[string]string{"impact": "21 of 55", "mitigation": "95 of 102"},
			findings: "contest:medium stop-system:low explanation:low",
		},
		verdictCase{
			// Housing: no reasons given stays high, a partial appeal
			// route medium; no answer about the system lowers them.
			file: "fairness-council-housing-allocation-score-no-reasons-given.yaml", outcome: "II",
			levels:   map[string]string{"mitigation-level": "strong"},
			dims:     map[string]string{"impact": "27 of 55", "mitigation": "95.5 of 102"},
			findings: "explanation:high reviewer-time:medium contest:medium",
		},
		verdictCase{
			// Credit with a moderate effect: the area alone keeps a
			// model nobody can pause at high.
			file: "fairness-lender-credit-line-increases-cannot-be-stopped.yaml", outcome: "II",
			levels:   map[string]string{"mitigation-level": "strong"},
			dims:     map[string]string{"impact": "25 of 55", "mitigation": "104 of 108"},
			findings: "stop-system:high human-oversight:medium",
		},
		verdictCase{
			// Children: oversight stays high, explanation of a book
			// suggestion follows the negligible effect to medium.
			file: "fairness-children-reading-app-book-suggestions-no-override.yaml", outcome: "II",
			levels:   map[string]string{"mitigation-level": "strong"},
			dims:     map[string]string{"impact": "18 of 55", "mitigation": "95 of 104"},
			findings: "human-oversight:high stop-system:medium explanation:medium",
		},
	)
}
