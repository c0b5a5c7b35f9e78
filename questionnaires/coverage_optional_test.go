package questionnaires_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// An optional question left unanswered counts in coverage as in the score
// and in completeness: not at all, unless nothing behind the control is
// answered. A question optional by required_when counts as required
// while its condition holds. Each control below has the questions named
// in its ID behind it:
//
//	A.5.1   met + optional blank                        -> met (was partly met)
//	A.5.2   optional blank alone                        -> not yet answered
//	A.5.3   n/a + optional blank                        -> not applicable (nothing answered applies)
//	A.5.4   met + required blank                        -> partly met
//	A.5.5   met + required_when blank, condition holds  -> partly met
//	A.5.6   met + required_when blank, condition fails  -> met
const optionalCoverageFile = header + `sections:
  - id: s
    title: S
    questions:
      - {id: scope, type: single, dimension: none, text: Scope?, options: [small, large]}
      - {id: met, type: control, text: Met?, controls: {iso27001: [A.5.1, A.5.4, A.5.5]}}
      - {id: na, type: control, text: NA?, controls: {iso27001: [A.5.3]}}
      - {id: blank-optional, type: control, optional: true, text: Optional?, controls: {iso27001: [A.5.1, A.5.2, A.5.3]}}
      - {id: blank-required, type: control, text: Required?, controls: {iso27001: [A.5.4]}}
      - {id: blank-when-large, type: control, required_when: "scope == 'large'", text: When large?, controls: {iso27001: [A.5.5, A.5.6]}}
      - {id: met-too, type: control, text: Met too?, controls: {iso27001: [A.5.6]}}
`

func TestCoverageLeavesOptionalBlankQuestionsOut(t *testing.T) {
	q, problems := questionnaires.Parse("t.yaml", []byte(optionalCoverageFile), questionnaires.Catalog())
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	for _, scope := range []string{"large", "small"} {
		res := assess.Score(q, assess.Answers{
			"scope":   {Value: assess.Value{Choices: []string{scope}}},
			"met":     {Value: assess.Value{Choices: []string{"yes"}}},
			"met-too": {Value: assess.Value{Choices: []string{"yes"}}},
			"na":      {Value: assess.Value{Choices: []string{"na"}}},
		}, biAssessedOn)
		want := map[string]assess.CoverageStatus{
			"A.5.1": assess.CoverageMet, "A.5.2": assess.CoverageUnanswered, "A.5.3": assess.CoverageNA,
			"A.5.4": assess.CoveragePartial, "A.5.5": assess.CoveragePartial, "A.5.6": assess.CoveragePartial,
		}
		if scope == "small" {
			want["A.5.5"], want["A.5.6"] = assess.CoverageMet, assess.CoverageMet
		}
		got := map[string]assess.CoverageStatus{}
		for _, c := range assess.Coverage(q, res, questionnaires.Catalog(), assess.ISO27001) {
			got[c.Control.ID] = c.Status
		}
		for id, w := range want {
			if got[id] != w {
				t.Errorf("scope %s: %s is %q, want %q", scope, id, got[id], w)
			}
		}
	}
}
