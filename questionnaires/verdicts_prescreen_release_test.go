package questionnaires_test

// A pre-screen a DPO rated: a public body's open-data release of
// bike-share trips, described as anonymised. prescreen 1.10.0 asked only
// about large datasets used commercially, so the release, the case that
// most needs the anonymized dataset review, was not sent to it. The
// file's header gives the hand calculation and the change.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			file:       "prescreen-bike-share-trips-open-data-release.yaml",
			recommends: []string{"dpia", "anonymized-dataset"},
		},
	)
}
