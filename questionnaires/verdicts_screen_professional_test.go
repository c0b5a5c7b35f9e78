package questionnaires_test

// Seven vendors screened by a vendor-risk professional signing off
// vendor-security-screen, from the strongest profile to a weak one: a
// payroll bureau with every control audited, a newsletter platform that
// adds sub-processors without telling anyone, a CRM that keeps no
// backups, a telehealth transcriber with hygiene gaps around health
// data, a recruitment agency with no security management, an IT
// provider whose helpdesk reaches every laptop with a password alone, and
// a free converter known only by its terms of service.
// Each file's header gives the hand calculation and what the
// professional signs, and why.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Special-category data, nothing missing: low, no finding.
			file: "vendor-screen-payroll-bureau-bank-details-every-control-in-place.yaml", outcome: "low",
			dims:     map[string]string{"risk": "0 of 92"},
			findings: "none",
		},
		verdictCase{
			// No duty to tell us of new sub-processors (GDPR Article
			// 28(2)): a medium finding, as the due diligence rates it;
			// 2.14.0 rated it low, as a notice of 14 days.
			file: "vendor-screen-newsletter-platform-subprocessors-added-without-notice.yaml", outcome: "low",
			dims:     map[string]string{"risk": "3 of 96"},
			findings: "subprocessor-notice:medium change-notice:low",
		},
		verdictCase{
			// The only copy of our records, replicated but never backed
			// up: medium with a high finding; 2.14.0 read it low with a
			// medium one, as backups taken but never restore-tested.
			file: "vendor-screen-crm-saas-no-backups-replicas-only.yaml", outcome: "medium", knockout: "backups",
			dims:     map[string]string{"risk": "2 of 92"},
			findings: "backups:high",
		},
		verdictCase{
			// Nine small gaps around health data: 13% of the maximum,
			// over the eighth that special-category data tolerates.
			file: "vendor-screen-telehealth-transcription-hygiene-gaps-health-data.yaml", outcome: "medium", knockout: "data-sensitivity",
			dims: map[string]string{"risk": "12 of 92"},
			findings: "pentest:medium continuity:medium policy:low security-training:low access-review:low " +
				"vulnerabilities:low backups:low change-rollback:low subprocessor-terms:low",
		},
		verdictCase{
			// No security management, sound contract and basic controls:
			// medium by the bands, the attestation floor adding nothing.
			file: "vendor-screen-recruitment-agency-no-attestation-hygiene-gaps.yaml", outcome: "medium",
			dims: map[string]string{"risk": "28 of 84"},
			findings: "attestation:high policy:medium access-review:medium vulnerabilities:medium pentest:medium " +
				"monitoring:medium continuity:medium personnel:low security-training:low leavers:low logging:low " +
				"change-notice:low incident-plan:low subprocessor-terms:low subprocessor-notice:low",
		},
		verdictCase{
			// Helpdesk passwords into every laptop of ours: high, the
			// missing factor critical for a vendor holding our keys.
			file: "vendor-screen-it-msp-domain-admin-helpdesk-passwords-only.yaml", outcome: "high", knockout: "mfa",
			dims:     map[string]string{"risk": "11 of 92"},
			findings: "mfa:critical attestation:high pentest:medium",
		},
		verdictCase{
			// Terms of service that claim our data, and nothing shown
			// for any control: critical, by the points alone.
			file: "vendor-screen-free-pdf-converter-terms-of-service-only.yaml", outcome: "critical",
			dims: map[string]string{"risk": "94 of 96"},
			findings: "attestation:high mfa:high encryption-rest:high encryption-transit:high deletion:high own-use:high " +
				"patching:high supported-software:high change-sign-off:high breach-notice:high incident-plan:high " +
				"subprocessors:high transfer-tools:high " +
				"policy:medium personnel:medium confidentiality:medium least-privilege:medium access-review:medium " +
				"leavers:medium vulnerabilities:medium pentest:medium logging:medium monitoring:medium backups:medium " +
				"continuity:medium change-testing:medium change-notice:medium subprocessor-terms:medium " +
				"subprocessor-notice:medium " +
				"security-training:low change-rollback:low",
		},
	)
}
