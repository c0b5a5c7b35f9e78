package questionnaires_test

// A licensed speech model rated by a data protection officer: how a
// caller's erasure or objection reaches the weights, ours and the
// licensee's copy. data-licensing 2.10.0 asked neither. Each file's
// header gives the hand calculation, what the DPO signs, and why.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Callers who asked for erasure stay in a model never
			// retrained for three years: high, not low.
			file: "licensing-speech-model-erasure-not-possible.yaml", outcome: "high", knockout: "model-erasure",
			levels: map[string]string{"exposure-level": "medium", "protection": "strong"},
			dims:   map[string]string{"exposure": "8 of 26", "gaps": "12 of 164"},
			findings: "model-erasure:high usage-logs:medium usage-alerts:medium technical-limits:medium " +
				"usage-reports:low provenance-marks:low",
		},
		verdictCase{
			// Our model is retrained monthly, the licensee's copy never
			// has to be replaced: the clause goes in before signature.
			file: "licensing-speech-model-licensee-keeps-old-weights.yaml", outcome: "medium", knockout: "model-erasure-licensee",
			levels: map[string]string{"exposure-level": "medium", "protection": "strong"},
			dims:   map[string]string{"exposure": "8 of 26", "gaps": "10 of 164"},
			findings: "model-erasure-licensee:high usage-logs:medium usage-alerts:medium technical-limits:medium " +
				"usage-reports:low provenance-marks:low",
		},
	)
}

// The same speech model, whose memorisation test found callers' numbers
// and was delivered anyway: data-licensing 2.11.0 asked only whether the
// outputs were tested.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// A known leak in weights about to leave: high, not low.
			file: "licensing-speech-model-test-found-phone-numbers.yaml", outcome: "high", knockout: "output-testing",
			levels: map[string]string{"exposure-level": "medium", "protection": "strong"},
			dims:   map[string]string{"exposure": "8 of 26", "gaps": "10 of 164"},
			findings: "output-testing:high usage-logs:medium usage-alerts:medium technical-limits:medium " +
				"usage-reports:low provenance-marks:low",
		},
	)
}
