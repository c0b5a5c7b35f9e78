package questionnaires_test

import (
	"reflect"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// Three risks rated high as found (likelihood high × impact high, on a
// 3 × 3 matrix whose acceptable level is low), so
// each is a finding: one naming the controls it concerns, one written
// before concerns existed, one a further risk concerning no control the
// questionnaire can name.
const concernsFile = header + `risk_matrix:
  likelihood: [low, some, high]
  impact: [low, some, high]
  cells:
    - [low, low, medium]
    - [low, medium, high]
    - [medium, high, high]
sections:
  - id: s
    title: S
    questions:
      - id: access
        type: risk
        text: Illegitimate access?
        action: Tighten access.
        controls: {nist-csf: [ID.RA-04], soc2: [CC3.2]}
        concerns:
          iso27001: [A.5.15, A.8.24]
          nist-csf: PR.AA-05
          soc2: [CC6.1]
      - id: older
        type: risk
        text: A risk mapped before concerns?
        action: Reduce it.
        controls: {nist-csf: [ID.RA-04]}
      - id: further
        type: risk
        text: A further risk?
        action: Reduce it.
        controls: {nist-csf: [ID.RA-04]}
        concerns: {}
`

// A risk finding lists the controls the risk concerns, which its
// remediation works on, not the risk-assessment controls its rating is
// evidence of: "illegitimate access is high; controls: ID.RA-04" sent
// the committee looking for a missing risk assessment. Coverage still
// counts the rating as ID.RA-04 and CC3.2 evidence only: A.5.15 and the
// rest, with no question of their own, are not touched.
func TestRiskFindingListsTheControlsItConcerns(t *testing.T) {
	q, problems := questionnaires.Parse("t.yaml", []byte(concernsFile), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	high := assess.Value{Risk: &assess.RiskRating{Likelihood: 3, Impact: 3}}
	res := assess.Score(q, assess.Answers{"access": {Value: high}, "older": {Value: high}, "further": {Value: high}}, biAssessedOn)
	want := map[string]assess.Controls{
		"access": {assess.ISO27001: {"A.5.15", "A.8.24"}, assess.NISTCSF: {"PR.AA-05"}, assess.SOC2: {"CC6.1"}},
		"older":  {assess.NISTCSF: {"ID.RA-04"}},
		// concerns: {} names none: the report says "none mapped".
		"further": {},
	}
	if got := findingsOf(res); got != "access:high older:high further:high" {
		t.Fatalf("findings %s", got)
	}
	for _, f := range res.Findings {
		if !reflect.DeepEqual(f.Controls, want[f.QuestionID]) {
			t.Errorf("%s lists %v, want %v", f.QuestionID, f.Controls, want[f.QuestionID])
		}
	}
	for _, f := range []assess.Framework{assess.ISO27001, assess.NISTCSF, assess.SOC2} {
		for _, c := range assess.Coverage(q, res, questionnaires.Catalog(), f) {
			if c.Control.ID != "ID.RA-04" && c.Control.ID != "CC3.2" {
				t.Errorf("coverage touches %s: a rating is evidence of risk assessment only", c.Control.ID)
			} else if c.Status != assess.CoverageMet {
				t.Errorf("%s is %q, want met", c.Control.ID, c.Status)
			}
		}
	}
}

// Each mistake in concerns is refused at its line and field, as in
// controls, and nothing loads.
func TestConcernsMistakes(t *testing.T) {
	file := func(typ, concerns string) string {
		severity := ""
		if typ == "control" {
			severity = " severity: high,"
		}
		return header + "risk_matrix: {likelihood: [l, m, h], impact: [l, m, h], cells: [[low, low, medium], [low, medium, high], [medium, high, high]]}\n" +
			"sections: [{id: s, title: S, questions: [\n" +
			"  {id: r, type: " + typ + ", text: R, action: Do it.," + severity + "\n" +
			"   concerns: " + concerns + "}]}]\n"
	}
	const field = "sections[s].questions[r].concerns"
	checkLintCases(t, []lintCase{
		{name: "unknown ISO control", yaml: file("risk", "{iso27001: [A.5.155]}"),
			line: 8, field: field + ".iso27001[0]", message: `has no control "A.5.155"`, hint: "A.5.15"},
		{name: "unknown NIST subcategory", yaml: file("risk", "{nist-csf: PR.AA-5}"),
			line: 8, field: field + ".nist-csf", message: `has no control "PR.AA-5"`, hint: "PR.AA-05"},
		{name: "listed twice", yaml: file("risk", "{soc2: [CC6.1, CC6.1]}"),
			line: 8, field: field + ".soc2[1]", message: "control CC6.1 is listed twice"},
		{name: "unknown framework", yaml: file("risk", "{iso27002: [A.5.15]}"),
			line: 8, field: field + ".iso27002", message: `unknown field "iso27002"`, hint: "iso27001"},
		{name: "blank", yaml: file("risk", "null"),
			line: 8, field: field, message: "concerns is empty", hint: "concerns: {}"},
		{name: "not a risk", yaml: file("control", "{iso27001: [A.5.15]}"),
			line: 8, field: field, message: "concerns does not apply to a control question"},
	})
}
