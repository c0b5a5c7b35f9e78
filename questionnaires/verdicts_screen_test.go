package questionnaires_test

// Cases of the vendor screen, the anonymized-dataset assessment and the
// fairness assessment that a security assessor, an anonymisation
// specialist and a fairness reviewer rated: shared administrator accounts,
// a qualified SOC 2 opinion, an AI opt-out in force, a single data centre;
// synthetic data tested, quasi-identifiers left out of a k-anonymity
// check, small cells published; a complaints chatbot, a fraud model with a
// postcode proxy, and article suggestions for staff. Each file's header
// gives the hand calculation and what a professional signs, and why.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Availability gaps at a replaceable, low-risk service: low,
			// with the fixes in the plan.
			file: "vendor-screen-single-datacentre-backups-never-restored.yaml", outcome: "low",
			dims:     map[string]string{"risk": "4 of 92"},
			findings: "backups:medium continuity:medium",
		},
		verdictCase{
			// Model training opted out in writing before any data went
			// in; usage data still used: low, a medium finding.
			file: "vendor-screen-meeting-summaries-ai-opt-out-in-force.yaml", outcome: "low",
			dims:     map[string]string{"risk": "3 of 92"},
			findings: "own-use:medium",
		},
		verdictCase{
			// Tested synthetic bank data used in house: low.
			file: "anonymized-synthetic-current-accounts-tests-passed.yaml", outcome: "low",
			levels:   map[string]string{"sensitivity": "medium", "safeguards": "low"},
			dims:     map[string]string{"identifiability": "6 of 24", "gaps": "0 of 100"},
			findings: "none",
		},
		verdictCase{
			// A complaints chatbot that routes, with a person handling each
			// complaint: level II.
			file: "fairness-energy-complaints-chatbot-triage.yaml", outcome: "II",
			levels:   map[string]string{"mitigation-level": "strong"},
			dims:     map[string]string{"impact": "25 of 55", "mitigation": "103 of 106"},
			findings: "stakeholder-consultation:low intersectional-testing:low vendor-results:low",
		},
		verdictCase{
			// A postcode proxy failing the disparate-impact test: level
			// III with a high finding; a failed bias test holds
			// mitigation at moderate and earns no reduction (2.5.0).
			file: "fairness-motor-claims-fraud-postcode-disparate-impact.yaml", outcome: "III",
			levels:   map[string]string{"mitigation-level": "moderate"},
			dims:     map[string]string{"impact": "28 of 55", "mitigation": "98 of 104"},
			findings: "bias-results:high proxy-review:low",
		},
		// The cases below read lower under vendor-security-screen 2.5.0
		// than a professional signs; each file's header gives the change
		// made in vendor-security-screen 2.6.0.
		verdictCase{
			// Administrators sharing accounts: medium, not low.
			file: "vendor-screen-helpdesk-sso-shared-admin-accounts.yaml", outcome: "medium", knockout: "least-privilege",
			dims:     map[string]string{"risk": "3 of 92"},
			findings: "least-privilege:high leavers:low",
		},
		verdictCase{
			// A SOC 2 Type II report with a qualified opinion on access
			// controls: medium, not low.
			file: "vendor-screen-hr-platform-soc2-qualified-opinion.yaml", outcome: "medium", knockout: "attestation",
			dims:     map[string]string{"risk": "5 of 92"},
			findings: "attestation:high access-review:low leavers:low",
		},
		// The cases below are rated by a third-party security assessor
		// under vendor-security-screen 2.7.0; each file's header says what
		// 2.6.1 read and what changed.
		verdictCase{
			// A bridge letter nine months past its end, on a report
			// qualified on change management: no current attestation,
			// medium (2.6.1's help read it partly: low).
			file: "vendor-screen-hr-saas-soc2-bridge-letter-lapsed-qualified-change-management.yaml", outcome: "medium", knockout: "attestation",
			dims:     map[string]string{"risk": "8 of 92"},
			findings: "attestation:high change-sign-off:medium",
		},
		verdictCase{
			// Administrators of our production with a password alone:
			// high, as 2.6.1 said too; the missing MFA a critical finding
			// for a vendor holding keys to our systems (2.10.0); the
			// unnamed freelancers a high finding (2.11.0); no notice of
			// new sub-processors a medium one (2.15.0).
			file: "vendor-screen-dev-agency-production-admin-no-mfa.yaml", outcome: "high", knockout: "mfa",
			dims: map[string]string{"risk": "38 of 92"},
			findings: "mfa:critical attestation:high least-privilege:high change-sign-off:high subprocessors:high " +
				"access-review:medium pentest:medium monitoring:medium continuity:medium subprocessor-terms:medium subprocessor-notice:medium " +
				"personnel:low security-training:low leavers:low incident-plan:low",
		},
		verdictCase{
			// A PCI DSS attestation is a current independent attestation;
			// the card vault beside an unsupported OS is high (2.6.1:
			// medium, for a missing SOC 2 report).
			file: "vendor-screen-payment-processor-pci-aoc-unsupported-os.yaml", outcome: "high", knockout: "supported-software",
			dims:     map[string]string{"risk": "4 of 92"},
			findings: "supported-software:high",
		},
		verdictCase{
			// A sub-processor in a country with no adequacy decision and
			// no transfer tool: high (2.6.1: low, no finding).
			file: "vendor-screen-analytics-subprocessor-india-no-transfer-tool.yaml", outcome: "high", knockout: "transfer-tools",
			dims:     map[string]string{"risk": "4 of 96"},
			findings: "transfer-tools:high",
		},
		verdictCase{
			// A certificate whose scope leaves out the service: no
			// attestation, medium (2.6.1's help read it partly: low).
			file: "vendor-screen-iso-certificate-scope-excludes-service.yaml", outcome: "medium", knockout: "attestation",
			dims:     map[string]string{"risk": "8 of 92"},
			findings: "attestation:high security-training:low pentest:low",
		},
		verdictCase{
			// A breach told to customers seven weeks late, after the press
			// asked: high (2.6.1: low, no finding).
			file: "vendor-screen-document-platform-breach-disclosed-late.yaml", outcome: "high", knockout: "incident-record",
			dims:     map[string]string{"risk": "2 of 92"},
			findings: "incident-record:high",
		},
		// The cases below are rated by a third-party risk lead under
		// vendor-security-screen 2.8.0, which adds four questions on change
		// management; under 2.7.0 both read low with no finding.
		verdictCase{
			// Engineers deploy their own changes unreviewed: medium, with
			// a high finding.
			file: "vendor-screen-crm-saas-engineers-deploy-own-changes.yaml", outcome: "medium", knockout: "change-sign-off",
			dims:     map[string]string{"risk": "5 of 92"},
			findings: "change-sign-off:high change-notice:low",
		},
		verdictCase{
			// Approved, tested changes with no rollback and a week's
			// release notes: low, two low findings.
			file: "vendor-screen-expenses-saas-changelog-notice-no-rollback.yaml", outcome: "low",
			dims:     map[string]string{"risk": "3 of 92"},
			findings: "change-rollback:low change-notice:low",
		},
		// The cases below read lower under anonymized-dataset 2.3.0 than a
		// professional signs (or could not be answered truly); each file's
		// header gives the change made in anonymized-dataset 2.4.0.
		verdictCase{
			// k computed without the dates of birth and postcodes the file
			// holds: personal data delivered as anonymous, critical; copied
			// from the tool's report it read low.
			file: "anonymized-k-anonymity-date-of-birth-postcode-left-out.yaml", outcome: "critical", knockout: "risk-vs-threshold",
			levels: map[string]string{"sensitivity": "medium", "safeguards": "medium"},
			dims:   map[string]string{"identifiability": "9 of 24", "gaps": "34 of 104"},
			findings: "personal-data-handling:high k-value:high k-attribute-diversity:high k-release-differencing:high " +
				"risk-vs-threshold:high linkage-test:high original-basis:high " +
				"linkage-enforcement:medium",
		},
		verdictCase{
			// Small cells published: critical, and the missing minimum
			// cell size a finding of its own.
			file: "anonymized-card-spend-aggregates-small-cells-published.yaml", outcome: "critical", knockout: "risk-vs-threshold",
			levels: map[string]string{"sensitivity": "medium", "safeguards": "medium"},
			dims:   map[string]string{"identifiability": "12 of 24", "gaps": "33 of 100"},
			findings: "personal-data-handling:high techniques:high risk-threshold:high risk-vs-threshold:high linkage-test:high " +
				"linkage-enforcement:medium original-basis:medium finance-secrecy:medium",
		},
		verdictCase{
			// Article suggestions for staff: level I, and no finding for
			// the outside review that level II first asks for (fairness-aia
			// 2.1.0 made it a medium finding at every level). Combinations
			// never compared are a medium finding: the file answered them
			// not applicable until it was corrected under 2.9.0.
			file: "fairness-helpdesk-article-suggestions-internal.yaml", outcome: "I",
			levels:   map[string]string{"mitigation-level": "strong"},
			dims:     map[string]string{"impact": "4 of 55", "mitigation": "65 of 72"},
			findings: "intersectional-testing:medium adversarial-testing:low",
		},
	)
}
