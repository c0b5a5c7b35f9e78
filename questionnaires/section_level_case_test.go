package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// Sections, levels and the questionnaires a pre-screen recommends are
// named exactly by what reads them: an extension's after_section, a
// matrix's rows and columns, a knock-out's floor, finding_if and outcome,
// a carries key and the library, and `assay explain` a consistency check. Two whose IDs differ only in case loaded
// side by side, though question and dimension IDs so written are refused:
// Access meant as access put an extension's questions after the other
// section, Tier meant as tier read the other level, and the report showed
// two sections or levels a reader cannot tell apart. Each is refused at
// the second's id, naming the first, as question IDs are.
func TestSectionLevelCheckAndRecommendationIDsDifferingOnlyInCaseAreRefused(t *testing.T) {
	sections := header + `sections:
  - id: access
    title: Access for staff
    questions:
      - {id: a, type: control, text: Is MFA enforced for staff?}
  - id: Access
    title: Access for administrators
    questions:
      - {id: b, type: control, text: Is MFA enforced for administrators?}
`
	levels := header + `levels:
  - id: tier
    dimension: risk
    bands:
      - {level: low, upto: 50%}
      - {level: high, over: 50%}
  - id: Tier
    dimension: risk
    bands:
      - {level: low, upto: 25%}
      - {level: high, over: 25%}
sections:
  - id: s
    title: S
    questions:
      - {id: a, type: control, text: Is MFA enforced?}
`
	recommends := header + `recommends:
  - questionnaire: dpia
    when: personal-data == 'yes'
    reason: The vendor handles personal data.
  - questionnaire: DPIA
    when: personal-data == 'unsure'
    reason: The vendor may handle personal data.
sections:
  - id: s
    title: S
    questions:
      - {id: personal-data, type: single, dimension: none, text: Does the vendor handle personal data?, options: ["yes", "no", "unsure"]}
`
	checks := consistencyFile + `  - id: Bias-Without-Intersections
    when: bias == 'no' and intersectional == 'measured'
    questions: [bias, intersectional]
    message: Intersectional groups cannot be tested when the model was not tested for bias.
`
	checkLintCases(t, []lintCase{
		{name: "sections access and Access", yaml: sections, line: 10, field: "sections[Access].id",
			message: `section id "Access" differs from section id "access" only in case`, hint: "first defined at line 6"},
		{name: "levels tier and Tier", yaml: levels, line: 11, field: "levels[Tier].id",
			message: `level id "Tier" differs from level id "tier" only in case`, hint: "first defined at line 6"},
		{name: "recommends dpia and DPIA", yaml: recommends, line: 9, field: "recommends[1].questionnaire",
			message: `recommended questionnaire "DPIA" differs from recommended questionnaire "dpia" only in case`, hint: "first named at line 6"},
		{name: "checks told apart only by case", yaml: checks, line: 28, field: "consistency[Bias-Without-Intersections].id",
			message: `consistency check id "Bias-Without-Intersections" differs from consistency check id "bias-without-intersections" only in case`, hint: "first defined at line 24"},
	})
	for name, ok := range map[string]string{
		"sections":   strings.Replace(sections, "id: Access", "id: access-admins", 1),
		"levels":     strings.Replace(levels, "id: Tier", "id: tier-strict", 1),
		"checks":     strings.Replace(checks, "id: Bias-Without-Intersections", "id: intersections-without-bias", 1),
		"recommends": strings.Replace(recommends, "questionnaire: DPIA", "questionnaire: dpia", 1),
	} {
		if q, problems := questionnaires.Parse("t.yaml", []byte(ok), questionnaires.Catalog()); q == nil {
			t.Errorf("%s with distinct IDs: %v", name, problems)
		}
	}
}
