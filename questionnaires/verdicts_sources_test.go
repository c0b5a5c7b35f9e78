package questionnaires_test

// Cases of the pre-screen and of data licensing that a DPO and a
// data-licensing counsel rated: pseudonymised health records for
// research, recruitment AI at a public body, a parent's booking app for
// children's lessons; an index built on a non-commercial map, a model
// trained on a directory whose licence is silent on training, a data
// broker that has not processed California's deletion requests, and a
// segment made of public-domain donor records that the law forbids to
// sell. Each file's header gives the hand calculation and what a
// professional signs, and why.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{file: "prescreen-hospital-readmission-research-pseudonymised-records.yaml", recommends: []string{"dpia"}},
		verdictCase{
			file:       "prescreen-city-council-recruitment-ranking-ai.yaml",
			recommends: []string{"dpia", "fairness-aia", "eu-ai-act-fria", "third-party-due-diligence"},
		},
		verdictCase{
			// A CC BY-NC 4.0 map in an index sold to an insurer: high.
			file: "licensing-postcode-risk-index-built-on-cc-by-nc-map.yaml", outcome: "high", knockout: "source-rights",
			levels:   map[string]string{"exposure-level": "low", "protection": "strong"},
			dims:     map[string]string{"exposure": "3 of 26", "gaps": "2 of 158"},
			findings: "source-rights:high",
		},
		verdictCase{
			// A licence silent on training, read by legal as ambiguous:
			// high until the licensor confirms in writing.
			file: "licensing-categorisation-model-merchant-directory-training-unclear.yaml", outcome: "high", knockout: "source-rights",
			levels:   map[string]string{"exposure-level": "medium", "protection": "strong"},
			dims:     map[string]string{"exposure": "2 of 26", "gaps": "2 of 158"},
			findings: "source-rights:high",
		},
		// The cases below read otherwise under prescreen 1.5.0 and
		// data-licensing 2.4.0 than a professional signs, and as signed
		// under 1.6.0 and 2.5.0; each file's header gives what the earlier
		// version said and the change.
		verdictCase{
			// A booking app for parents: no DPIA, not one for every
			// child's name.
			file: "prescreen-swimming-school-lesson-booking-for-parents.yaml",
		},
		verdictCase{
			// A registered broker selling the data of consumers who asked
			// for deletion through California's platform: high, not low.
			file: "licensing-audience-segments-broker-delete-requests-not-processed.yaml", outcome: "high", knockout: "broker-deletions",
			levels:   map[string]string{"exposure-level": "medium", "protection": "strong"},
			dims:     map[string]string{"exposure": "8 of 26", "gaps": "4 of 174"},
			findings: "broker-deletions:high",
		},
		verdictCase{
			// Public-domain FEC donor records sold for marketing (52
			// U.S.C. 30111(a)(4)): high, not low.
			file: "licensing-donor-segment-from-fec-contribution-records.yaml", outcome: "high", knockout: "source-rights",
			levels:   map[string]string{"exposure-level": "medium", "protection": "strong"},
			dims:     map[string]string{"exposure": "8 of 26", "gaps": "2 of 174"},
			findings: "source-rights:high",
		},
	)
}
