package questionnaires_test

// Six initiatives pre-screened by a privacy and vendor-risk professional
// signing off the pre-screen, from nothing to run to four assessments: a
// plant-care contract, a payroll renewal whose DPIA and due diligence are
// current, parking permits moved online with a new provider, a wearable's
// sleep score, a pharmacy's research extract of prescriptions, and a
// university's AI proctoring of exams. Each file's header gives what the
// professional requires and why, and the rules worked through by hand.
func init() {
	verdictCases = append(verdictCases,
		// No personal data, no vendor reaching our data: nothing to run.
		verdictCase{file: "prescreen-office-plant-care-contract-no-data.yaml"},
		// High-risk processing whose DPIA and due diligence are current
		// and cover it unchanged: nothing new to run.
		verdictCase{file: "prescreen-payroll-contract-renewal-unchanged-dpia-current.yaml"},
		// One criterion, no sector, nothing abroad: no DPIA; a new
		// provider: due diligence.
		verdictCase{
			file:       "prescreen-council-parking-permits-online-saas.yaml",
			recommends: []string{"third-party-due-diligence"},
		},
		// Health data on a large scale: a DPIA; a score shown to the
		// user decides nothing, and the host is assessed.
		verdictCase{file: "prescreen-fitness-wearable-sleep-score.yaml", recommends: []string{"dpia"}},
		verdictCase{
			file:       "prescreen-pharmacy-deidentified-prescriptions-research-release.yaml",
			recommends: []string{"dpia", "data-licensing", "anonymized-dataset"},
		},
		verdictCase{
			file:       "prescreen-university-remote-exam-proctoring-ai.yaml",
			recommends: []string{"dpia", "fairness-aia", "eu-ai-act-fria", "third-party-due-diligence"},
		},
	)
}
