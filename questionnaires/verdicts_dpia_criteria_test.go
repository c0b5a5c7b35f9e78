package questionnaires_test

// Cases a DPO and a privacy analyst rated on the EDPB's nine high-risk
// criteria (WP248 rev.01) and on an assessment made after the processing
// started where only US state laws apply. dpia 2.5.0 weighed only three
// of the criteria in its exposure and asked about a late assessment only
// under the GDPR; each file's header gives what it said, the hand
// calculation, and what a professional signs.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// An HR chatbot on a generative model: three criteria,
			// a DPIA and the model provider's due diligence; no
			// fairness review, since it decides nothing about anyone.
			file:       "prescreen-hr-policy-chatbot-generative-ai.yaml",
			recommends: []string{"dpia", "third-party-due-diligence"},
		},
		verdictCase{
			// A UK retailer matching two customer files for its
			// catalogue: one criterion, no DPIA on the criteria, but
			// the ICO's Article 35(4) list names data matching, so
			// the DPIA is required (prescreen 1.9.0).
			file:       "prescreen-garden-centre-merged-customer-files-ico-list.yaml",
			recommends: []string{"dpia"},
		},
		verdictCase{
			// The DPIA that pre-screen recommended: one criterion, but
			// a kind of processing the ICO's Article 35(4) list names,
			// so the exposure level is high (dpia 2.7.0), where the
			// points alone read moderate; every measure in place, so
			// the outcome stays low.
			file:     "dpia-garden-centre-merged-customer-files-ico-list.yaml",
			outcome:  "low",
			levels:   map[string]string{"compliance": "minor", "residual-risk": "low", "exposure-level": "high"},
			dims:     map[string]string{"gaps": "0 of 118", "exposure": "11 of 37", "criteria": "1 of 9"},
			findings: "none",
		},
		verdictCase{
			// Eight months of unassessed automated tenant screening:
			// a medium finding, and high by the register, not critical
			// (no Article 36 where the GDPR does not apply).
			file:     "dpia-us-tenant-screening-live-before-assessment.yaml",
			outcome:  "high",
			levels:   map[string]string{"compliance": "minor", "initial-risk": "high", "residual-risk": "high", "exposure-level": "high"},
			dims:     map[string]string{"gaps": "8 of 124", "exposure": "18 of 37", "criteria": "5 of 9"},
			findings: "human-review:high appeal:high risk-discrimination:high processing-started-elsewhere:medium",
			// Eight months live: the meaning says to stop or restrict it,
			// not only "Do not start".
			meaningMentions: []string{"if it already runs, stop it or restrict it"},
		},
	)
}
