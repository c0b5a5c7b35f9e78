package questionnaires_test

import (
	"slices"
	"strings"
	"testing"
)

// A pre-screen a DPO rated where only WP248's seventh criterion applies,
// ticked as all three of its options: one criterion, so the DPIA the
// children's rule asks for is not also said to be needed because "two
// or more" criteria apply. prescreen 1.11.0 counted three options of
// criterion 7 as three criteria; the file's header gives the hand
// calculation and the change.
func init() {
	verdictCases = append(verdictCases,
		verdictCase{
			file:             "prescreen-swimming-school-pupils-app-all-three-vulnerable-options.yaml",
			recommends:       []string{"dpia"},
			noReasonMentions: []string{"Two or more", "One high-risk criterion"},
		},
	)
}

// The reasons the pre-screen's DPIA rules give, by the words each begins
// with: two or more criteria, one criterion in a regulated sector or
// abroad, and children's data used for marketing or a service children use.
const (
	twoOrMoreCriteria = "Two or more"
	oneCriterion      = "One high-risk criterion"
	childrensData     = "Children's personal data"
)

// The teachers' class lists pre-screen with other ticks of
// high-risk-criteria, and cross-border yes so that the rule for one
// criterion abroad can hold: however many of the three options for
// vulnerable people are ticked, they are one criterion; one more
// criterion beside them makes two. Worked out by hand: the criteria are
// the options ticked, counting vulnerable, children and children-other
// together once; two or more give the first reason, exactly one the
// second (cross-border yes, so the staff-data exception for vulnerable in
// a regulated sector does not apply); children ticked gives the third.
func TestPrescreenVulnerablePeopleAreOneCriterion(t *testing.T) {
	const ticked, abroad = "answer: [vulnerable, children-other]", `cross-border: "no"`
	swimming := openEditedCase(t, "prescreen", "prescreen-swimming-school-teachers-class-lists.yaml", ticked, abroad)
	for _, c := range []struct {
		criteria string
		reasons  []string
	}{
		{"vulnerable", []string{oneCriterion}},
		{"vulnerable, children-other", []string{oneCriterion}},
		{"children, children-other", []string{oneCriterion, childrensData}},
		{"vulnerable, children", []string{oneCriterion, childrensData}},
		{"vulnerable, children, children-other", []string{oneCriterion, childrensData}},
		{"vulnerable, children, children-other, combining", []string{twoOrMoreCriteria, childrensData}},
		{"vulnerable, children-other, innovative", []string{twoOrMoreCriteria}},
		{"monitoring, blocks-rights", []string{twoOrMoreCriteria}},
		{"scoring", []string{oneCriterion}},
		{"none", nil},
	} {
		t.Run(c.criteria, func(t *testing.T) {
			res := swimming.score(t, ticked, "answer: ["+c.criteria+"]", abroad, `cross-border: "yes"`)
			var got []string
			for _, r := range res.Recommendations {
				if r.Questionnaire != "dpia" {
					continue
				}
				for _, begins := range []string{twoOrMoreCriteria, oneCriterion, childrensData} {
					if strings.HasPrefix(r.Reason, begins) {
						got = append(got, begins)
					}
				}
			}
			if !slices.Equal(got, c.reasons) {
				t.Errorf("dpia reasons %q, want %q", got, c.reasons)
			}
		})
	}
}
