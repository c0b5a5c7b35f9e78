package questionnaires_test

// Pre-screens a DPO rated that prescreen 1.10.0 read otherwise: a
// public body's open-data release of bike-share trips, described as
// anonymised, that it did not send to the anonymized dataset review (it
// asked only about large datasets used commercially); and staff and
// children's class lists it counted as two of WP248's criteria, where
// the EDPB counts one. Each file's header gives the hand calculation and
// the change.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			file:       "prescreen-bike-share-trips-open-data-release.yaml",
			recommends: []string{"dpia", "anonymized-dataset"},
		},
		verdictCase{
			// Employees and children are both vulnerable data subjects
			// (criterion 7): one criterion, no DPIA, not "two or more".
			file: "prescreen-swimming-school-teachers-class-lists.yaml",
		},
		verdictCase{
			// Pupils' data in a school (criterion 7 alone in the
			// education sector): no DPIA, as for the swimming school
			// that ticks its teachers too (prescreen 1.13.0).
			file: "prescreen-primary-school-parents-evening-booking.yaml",
		},
	)
}
