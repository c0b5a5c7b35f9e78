package questionnaires_test

import (
	"strings"
	"testing"
)

// Cases of the anonymized-dataset assessment that an anonymisation
// specialist rated before signing it for a data-release committee: they
// read differently under anonymized-dataset 2.4.1 than a professional
// signs (or could not be answered truly); each file's header gives the
// hand calculation, the reasons and the change made in 2.5.0.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			// Location traces under hashed advertising IDs called
			// anonymous and handled as such: critical, not high; and
			// "never tested" is an answer of its own. 2.9.0 asks
			// linkage-test (never tested: 4 more gaps): safeguards high,
			// and the matrix gives critical before the knock-out does.
			file: "anonymized-location-panel-hashed-advertising-ids.yaml", outcome: "critical",
			levels: map[string]string{"sensitivity": "high", "safeguards": "high"},
			dims:   map[string]string{"identifiability": "15 of 24", "gaps": "36 of 102"},
			findings: "key-separation:high personal-data-handling:high techniques:high risk-threshold:high " +
				"risk-vs-threshold:high linkage-test:high location-trajectory:high key-access-log:medium",
		},
		verdictCase{
			// Pseudonymised patient records shared with a university and
			// handled as personal data: high (this partner and product
			// until the risk is measured), not critical "stop". 2.9.0
			// asks linkage-test (never tested: 4 more gaps): safeguards
			// medium, and the matrix gives high before the knock-out does.
			file: "anonymized-hospital-pseudonymised-records-university-contract.yaml", outcome: "high",
			levels:   map[string]string{"sensitivity": "high", "safeguards": "medium"},
			dims:     map[string]string{"identifiability": "14 of 24", "gaps": "16 of 102"},
			findings: "risk-threshold:high risk-vs-threshold:high linkage-test:high",
		},
		verdictCase{
			// Differential privacy counted per trip, not per rider:
			// medium with a high finding, not low with none. 2.8.0
			// asks dp-accounting: yes, 0 of 4 more.
			file: "anonymized-dp-scooter-trip-counts-event-level.yaml", outcome: "medium", knockout: "dp-unit",
			levels:   map[string]string{"sensitivity": "medium", "safeguards": "low"},
			dims:     map[string]string{"identifiability": "6 of 24", "gaps": "4 of 102"},
			findings: "dp-unit:high",
		},
		verdictCase{
			// Small cells suppressed but given back by the published
			// totals: critical, not low. Since 2.8.0 a 10% risk
			// published openly is a second knock-out to critical
			// (controlled-release), and its gap moves safeguards from
			// low to medium.
			file: "anonymized-self-harm-admissions-ward-tables-totals-published.yaml", outcome: "critical", knockout: "secondary-suppression",
			levels:   map[string]string{"sensitivity": "medium", "safeguards": "medium"},
			dims:     map[string]string{"identifiability": "4 of 24", "gaps": "18 of 88"},
			findings: "secondary-suppression:high linkage-test:high controlled-release:high risk-vs-threshold:medium linkage-ban:medium third-party-audit:medium",
		},
		verdictCase{
			// US claims de-identified by HIPAA Safe Harbor, risk never
			// measured: high, and not critical by the knock-out for data
			// not handled as personal data, which US de-identified data
			// answers not applicable.
			file: "anonymized-hipaa-safe-harbor-claims-licensed.yaml", outcome: "high",
			levels:   map[string]string{"sensitivity": "high", "safeguards": "medium"},
			dims:     map[string]string{"identifiability": "14 of 24", "gaps": "26 of 88"},
			findings: "techniques:high risk-threshold:high risk-vs-threshold:high linkage-test:high linkage-enforcement:medium withdrawal:medium",
		},
	)
}

// HIPAA's Safe Harbor method is failed most often by the three-digit ZIP
// codes of small areas and by ages over 89 (45 CFR 164.514(b)(2)(i)(B)
// and (C)); an analyst told only "Safe Harbor" answers "yes" for a
// release that keeps both. The help says what the method requires.
func TestHealthDeidentificationHelpSaysWhatSafeHarborRequires(t *testing.T) {
	q := biGet(t, "anonymized-dataset")
	help := ""
	for _, qq := range q.Questions {
		if qq.ID == "health-deidentification" {
			help = strings.Join(strings.Fields(qq.Help), " ")
		}
	}
	for _, want := range []string{"164.514(b)", "20,000", "over 89", "actual knowledge", "Expert Determination"} {
		if !strings.Contains(help, want) {
			t.Errorf("health-deidentification's help does not say %q: %s", want, help)
		}
	}
}

// The knock-out on personal-data-handling "no" stops data of high
// sensitivity used as if it were anonymous; US health data de-identified
// under HIPAA is lawfully not handled as personal data, and the help says
// it answers not applicable, or a reader answers "no" and reads critical.
func TestPersonalDataHandlingHelpSaysWhenNotApplicable(t *testing.T) {
	q := biGet(t, "anonymized-dataset")
	qq, ok := q.Question("personal-data-handling")
	if !ok {
		t.Fatal("no question personal-data-handling")
	}
	help := strings.Join(strings.Fields(qq.Help), " ")
	for _, want := range []string{"not applicable", "HIPAA", "GDPR"} {
		if !strings.Contains(help, want) {
			t.Errorf("personal-data-handling's help does not say %q: %s", want, help)
		}
	}
}
