package questionnaires_test

// Cases written from scenarios a DPO and a third-party-risk lead meet
// every year (a location data broker, a school's attendance model, a
// retailer's face matching, a hospital's messaging vendor, a payroll
// service with a sub-processor abroad, a city's chatbot), each rated by
// hand before assay was run on it. Where assay disagreed with a sound
// rating, the questionnaire was changed, not the case; each file's header
// says what the earlier version said.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// A data broker's visit file with Oregon devices' precise
			// location, sold on the apps' opt-in: Oregon forbids the sale
			// whatever the consent since 1 January 2026 (HB 2008): high.
			file:     "licensing-location-broker-app-pings-oregon-devices-sold.yaml",
			outcome:  "high",
			knockout: "us-sensitive",
			levels:   map[string]string{"exposure-level": "high", "protection": "strong"},
			dims:     map[string]string{"exposure": "15 of 26", "gaps": "4 of 178"},
			findings: "us-sensitive:high",
		},
		verdictCase{
			// A hospital's patient-messaging vendor that may take 72 hours
			// to tell us of a breach: medium, the clause fixed before
			// signature (2.8.0: low); a high finding with patients'
			// health data at stake (2.10.0: medium before).
			file: "vendor-screen-hospital-patient-messaging-breach-notice-72-hours.yaml", outcome: "medium", knockout: "breach-notice",
			dims:     map[string]string{"risk": "3 of 92"},
			findings: "breach-notice:high",
		},
		verdictCase{
			// A payroll service's sub-processor in Manila under clauses
			// with no transfer risk assessment: low, a medium finding.
			file: "vendor-screen-payroll-saas-manila-subprocessor-no-transfer-assessment.yaml", outcome: "low",
			dims:     map[string]string{"risk": "2 of 96"},
			findings: "transfer-tools:medium",
		},
		verdictCase{
			// A school trust's attendance-prediction model with inputs it
			// does not need and SEN pupils flagged more for the same
			// attendance: medium, the disparity reduced or accepted.
			file: "dpia-school-attendance-prediction-sen-pupils-flagged-more.yaml", outcome: "medium",
			levels:   map[string]string{"compliance": "minor", "initial-risk": "high", "residual-risk": "medium", "exposure-level": "very-high"},
			dims:     map[string]string{"gaps": "4 of 136", "exposure": "23 of 37", "criteria": "4 of 9"},
			findings: "minimization:medium risk-discrimination:medium people-views:low",
		},
		verdictCase{
			// A supermarket's live face matching against a watchlist anyone
			// can be put on, with no expiry or challenge: high, do not
			// start until the watchlist has rules.
			file: "dpia-supermarket-face-matching-watchlist-no-criteria.yaml", outcome: "high",
			levels: map[string]string{"compliance": "minor", "initial-risk": "high", "residual-risk": "high", "exposure-level": "very-high"},
			dims:   map[string]string{"gaps": "6 of 134", "exposure": "24 of 37", "criteria": "5 of 9"},
			findings: "risk-other-1:high prior-consultation:high minimization:medium retention-period:medium " +
				"risk-discrimination:medium people-views:low",
		},
		verdictCase{
			// A city's general chatbot given a benefit eligibility check
			// its provider's instructions exclude: high, the city would
			// be the provider of a high-risk system (Article 25).
			file: "fria-city-chatbot-benefit-precheck-outside-intended-purpose.yaml", outcome: "high", knockout: "intended-purpose",
			levels: map[string]string{"measures": "moderate", "residual-risk": "medium", "reach": "wide"},
			dims:   map[string]string{"gaps": "12 of 60", "exposure": "8 of 23"},
			findings: "intended-purpose:high provider-registration:high use-registration:high instructions-followed:medium " +
				"provider-information:medium risk-essential-services:medium oversight-measures:medium people-informed:medium",
		},
	)
}

func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// A patient-messaging service with ten half-done controls and
			// patients' health data: medium by the floor for sensitive
			// data (2.10.0), and its broad support access a medium finding.
			file: "vendor-screen-hospital-patient-messaging-moderate-controls.yaml", outcome: "medium", knockout: "data-sensitivity",
			dims: map[string]string{"risk": "14 of 92"},
			findings: "attestation:medium least-privilege:medium " +
				"security-training:low access-review:low pentest:low logging:low monitoring:low continuity:low incident-plan:low subprocessor-notice:low",
		},
		verdictCase{
			// The same supplier's room-booking module, the same answers
			// but staff business contacts only: low, nothing moved.
			file: "vendor-screen-room-booking-same-controls-business-contacts.yaml", outcome: "low",
			dims: map[string]string{"risk": "14 of 92"},
			findings: "attestation:medium " +
				"security-training:low least-privilege:low access-review:low pentest:low logging:low monitoring:low continuity:low incident-plan:low subprocessor-notice:low",
		},
	)
}
