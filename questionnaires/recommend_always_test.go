package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// alwaysScreen is a vendor pre-screen whose first recommendation is
// written WHEN (a when: line, or nothing), and whose second decides from
// an answer.
const alwaysScreen = header + `recommends:
  - questionnaire: vendor-security-screen
    WHEN
    reason: Every vendor gets the security screen.
  - questionnaire: dpia
    when: personal-data == 'yes'
    reason: The vendor handles personal data.
sections:
  - id: s
    title: S
    questions:
      - {id: personal-data, type: single, dimension: none, text: Does the vendor handle personal data?, options: ["yes", "no"]}
`

func alwaysScreenWith(when string) string {
	if when == "" {
		return strings.Replace(alwaysScreen, "    WHEN\n", "", 1)
	}
	return strings.Replace(alwaysScreen, "WHEN", when, 1)
}

// A pre-screen could not recommend a questionnaire always ("every vendor
// gets the security screen"): when was required, and when: "true", the
// way an author wrote it, is refused as a condition that decides
// nothing. A recommendation without when is now made whatever the
// answers, as a question or section without when is always asked.
func TestRecommendationWithoutWhenIsAlwaysMade(t *testing.T) {
	q, problems := questionnaires.Parse("t.yaml", []byte(alwaysScreenWith("")), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatalf("a recommendation without when is refused:\n%v", problems)
	}
	for _, tc := range []struct{ answers, want string }{
		{"", "vendor-security-screen"},
		{"personal-data: 'no'", "vendor-security-screen"},
		{"personal-data: 'yes'", "vendor-security-screen dpia"},
	} {
		var got []string
		for _, r := range scoreOf(t, q, tc.answers).Recommended() {
			got = append(got, r.Questionnaire)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("answers %q recommend %v, want %s", tc.answers, got, tc.want)
		}
	}
}

// A constant condition under a recommendation is still refused, as
// everywhere (it reads as if the answers decided), but its hint now says
// how to write "always" there: leave out when.
func TestConstantRecommendationSaysHowToWriteAlways(t *testing.T) {
	const field = "recommends[0].when"
	checkLintCases(t, []lintCase{
		{name: "when true", yaml: alwaysScreenWith(`when: "true"`),
			line: 7, field: field, message: "condition: true reads no answer, so it always holds", hint: "to recommend it whatever the answers, leave out when"},
		{name: "an answer or true", yaml: alwaysScreenWith(`when: "personal-data == 'yes' or true"`),
			line: 7, field: field, message: "holds whatever the answers, so it decides nothing", hint: "to recommend it whatever the answers, leave out when"},
		{name: "when false", yaml: alwaysScreenWith(`when: "false"`),
			line: 7, field: field, message: "condition: false reads no answer, so it never holds", hint: "remove the recommendation"},
		{name: "when blank", yaml: alwaysScreenWith(`when: ""`),
			line: 7, field: field, message: "when is blank", hint: "to recommend it whatever the answers, leave out when"},
	})
}

// A pre-screen that named itself under recommends loaded, and its review
// then offered to start the pre-screen again as the assessment its
// answers call for (lint said nothing: a recommendation of the file's own
// ID was taken as known). It is refused at its line.
func TestPrescreenRecommendingItselfIsRefused(t *testing.T) {
	src := strings.Replace(alwaysScreenWith(""), "questionnaire: vendor-security-screen", "questionnaire: t", 1)
	checkLintCases(t, []lintCase{
		{name: "recommends itself", yaml: src, line: 6, field: "recommends[0].questionnaire",
			message: `"t" is this questionnaire`, hint: "name the assessment to run next"},
	})
}
