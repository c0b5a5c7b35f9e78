package questionnaires_test

// A licence of loyalty members' baskets rated by data protection counsel:
// members' later withdrawals and erasure requests never reach the data
// already delivered. The file's header gives the hand calculation and
// what counsel signs, and why.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// A withdrawal that stops at our next file leaves two years of
			// baskets with the licensee (GDPR Articles 7(3), 17(1)(b), 19):
			// medium with a high finding, not low with none.
			file: "licensing-loyalty-baskets-withdrawals-not-passed-on.yaml", outcome: "medium", knockout: "downstream-requests",
			levels:   map[string]string{"exposure-level": "medium", "protection": "strong"},
			dims:     map[string]string{"exposure": "9 of 26", "gaps": "2 of 156"},
			findings: "downstream-requests:high",
		},
		verdictCase{
			// The request clause mended, but naming the records only: the
			// model the licensee trains on them keeps what it learnt of a
			// member who withdrew. Medium with a high finding, not low.
			file: "licensing-loyalty-baskets-maker-model-keeps-withdrawn-members.yaml", outcome: "medium", knockout: "licensee-models",
			levels:   map[string]string{"exposure-level": "medium", "protection": "strong"},
			dims:     map[string]string{"exposure": "9 of 26", "gaps": "2 of 158"},
			findings: "licensee-models:high",
		},
	)
}
