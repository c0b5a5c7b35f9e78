package questionnaires_test

// Cases an anonymisation specialist rated on what k-anonymity alone does
// not prevent: groups that give away a sensitive value they all share
// (attribute disclosure; l-diversity, t-closeness) and releases that can
// be intersected with earlier ones (differencing). anonymized-dataset
// 2.5.0 asked neither and read both low; each file's header gives the
// hand calculation.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// k = 5, every group one diagnosis: critical, stop.
			file: "anonymized-k5-discharges-one-diagnosis-per-group.yaml", outcome: "critical", knockout: "k-attribute-diversity",
			levels:   map[string]string{"sensitivity": "medium", "safeguards": "low"},
			dims:     map[string]string{"identifiability": "5 of 24", "gaps": "6 of 108"},
			findings: "k-attribute-diversity:high k-value:medium",
		},
		verdictCase{
			// A second release grouped differently, never tested with
			// the first: high, restrict use.
			file: "anonymized-discharges-second-release-regrouped-not-tested-together.yaml", outcome: "high", knockout: "k-release-differencing",
			levels:   map[string]string{"sensitivity": "medium", "safeguards": "low"},
			dims:     map[string]string{"identifiability": "5 of 24", "gaps": "6 of 112"},
			findings: "k-release-differencing:high linkage-test:medium",
		},
	)
}
