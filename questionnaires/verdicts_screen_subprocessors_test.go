package questionnaires_test

// A vendor screened that will not name its sub-processors: rated by a
// vendor-risk lead as the due diligence rates the same refusal. The file's
// header gives the hand calculation and what the lead signs, and why.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Sub-processors nobody will name cannot be authorised (GDPR
			// Article 28(2)): high with a high finding, not low with a
			// medium one; the missing notice of new ones medium since
			// 2.15.0 (low before).
			file: "vendor-screen-email-platform-subprocessors-not-named.yaml", outcome: "high", knockout: "subprocessors",
			dims:     map[string]string{"risk": "4 of 96"},
			findings: "subprocessors:high subprocessor-notice:medium",
		},
	)
}
