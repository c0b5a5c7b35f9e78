package questionnaires_test

import "testing"

// A DPIA a DPO rated where only WP248's seventh criterion applies:
// employees and children, both vulnerable data subjects, are one
// criterion. dpia 2.10.0 counted each ticked option as a criterion and
// read two of them as "two or more" (exposure high); the file's header
// gives the hand calculation and the change.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			file:     "dpia-swimming-school-teachers-class-lists.yaml",
			outcome:  "low",
			levels:   map[string]string{"compliance": "minor", "initial-risk": "medium", "residual-risk": "low", "exposure-level": "moderate"},
			dims:     map[string]string{"exposure": "13 of 37", "criteria": "1 of 9"},
			findings: "none",
		},
	)
}

// The swimming school's DPIA with other ticks of edpb-criteria: however
// many of the three options for vulnerable people are ticked, they are
// one criterion; one more criterion beside them makes two. Worked out by
// hand: every criterion is a point, and the three options of criterion 7
// are one group, which counts one point whichever of them are ticked;
// the exposure points (13 of 37, moderate) do not change, so the level
// is high exactly when the criteria reach 2.
func TestDPIAVulnerablePeopleAreOneCriterion(t *testing.T) {
	const ticked = "answer: [vulnerable, children-other]"
	swimming := openEditedCase(t, "dpia", "dpia-swimming-school-teachers-class-lists.yaml", ticked)
	for _, c := range []struct {
		criteria     string
		wantCriteria string
		wantExposure string
	}{
		{"vulnerable", "1 of 9", "moderate"},
		{"children", "1 of 9", "moderate"},
		{"children, children-other", "1 of 9", "moderate"},
		{"vulnerable, children, children-other", "1 of 9", "moderate"},
		{"vulnerable, children, children-other, scoring", "2 of 9", "high"},
		{"monitoring, scoring", "2 of 9", "high"},
		{"monitoring, vulnerable, children", "2 of 9", "high"},
		{"scoring", "1 of 9", "moderate"},
		{"none", "0 of 9", "moderate"},
	} {
		t.Run(c.criteria, func(t *testing.T) {
			res := swimming.score(t, ticked, "answer: ["+c.criteria+"]")
			d := res.Dimension("criteria")
			if got := d.Value.String() + " of " + d.Base.String(); got != c.wantCriteria {
				t.Errorf("criteria = %s, want %s", got, c.wantCriteria)
			}
			if got := levelOf(t, res, "exposure-level"); got != c.wantExposure {
				l, _ := res.Level("exposure-level")
				t.Errorf("exposure-level = %s, want %s (%s)", got, c.wantExposure, l.Why)
			}
		})
	}
}
