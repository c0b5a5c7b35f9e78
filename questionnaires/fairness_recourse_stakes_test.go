package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// TestFairnessOversightAndRecourseSeverityFollowTheStakes: no reviewer
// who can override, no time to disagree, no way to stop the system, no
// explanation and no way to contest were high findings for every system
// (fairness-aia 2.8.0): a playlist recommender's missing appeal route
// weighed as much as a benefit refusal's. They stay high wherever the
// area is credit, work, education, health, housing, benefits or justice,
// or the effect is significant; they are medium (partly: low) where the
// system ranks content, sends offers, sets prices or opens a door at a
// small cost, and the finding says why. For people in vulnerable
// situations the three oversight questions stay high (an unsuitable
// output reaching them is the harm itself) while explanation and contest
// follow the size of the loss. Neighbouring rows differ in one answer,
// so each boundary is crossed both ways.
func TestFairnessOversightAndRecourseSeverityFollowTheStakes(t *testing.T) {
	q := biGet(t, "fairness-aia")
	oversight := []string{"human-oversight", "reviewer-time", "reviewer-information", "stop-system"}
	recourse := []string{"explanation", "contest"}
	for _, c := range []struct {
		questions                                []string
		area, significance, people, answer, want string
		lowered                                  bool
	}{
		// A benefit refusal and a credit line: high whatever else.
		{append(oversight, recourse...), "essential", "legal", "vulnerable", "no", "high", false},
		{append(oversight, recourse...), "finance", "moderate", "consumers", "no", "high", false},
		{append(oversight, recourse...), "finance", "moderate", "consumers", "partial", "medium", false},
		{append(oversight, recourse...), "employment", "moderate", "staff", "no", "high", false},
		// A recommender, offers, a price, a door: lowered; one answer
		// more at stake and they are not.
		{append(oversight, recourse...), "content", "negligible", "consumers", "no", "medium", true},
		{append(oversight, recourse...), "content", "moderate", "consumers", "partial", "low", true},
		{append(oversight, recourse...), "content", "significant", "consumers", "no", "high", false},
		{append(oversight, recourse...), "marketing", "moderate", "staff", "no", "medium", true},
		{append(oversight, recourse...), "pricing", "moderate", "consumers", "no", "medium", true},
		{append(oversight, recourse...), "access", "moderate", "staff", "no", "medium", true},
		{append(oversight, recourse...), "access", "significant", "staff", "no", "high", false},
		// People in vulnerable situations: oversight stays high,
		// recourse follows the loss.
		{oversight, "content", "negligible", "vulnerable", "no", "high", false},
		{oversight, "marketing", "moderate", "vulnerable", "partial", "medium", false},
		{recourse, "content", "negligible", "vulnerable", "no", "medium", true},
		{recourse, "marketing", "moderate", "vulnerable", "partial", "low", true},
	} {
		for _, question := range c.questions {
			answers := map[string]assess.Value{
				"decision-area": biChoice(c.area), "significance": biChoice(c.significance),
				"affected-people": biChoice(c.people), question: biChoice(c.answer),
			}
			res := assess.Score(q, biAnswers(t, q, false, answers), biAssessedOn)
			want := question + ":" + c.want
			if got := findingsOf(res); got != want {
				t.Errorf("%s, %s, %s, %s %s: findings %s, want %s", c.area, c.significance, c.people, question, c.answer, got, want)
				continue
			}
			why := strings.Join(res.Findings[0].SeverityWhy, "; ")
			if got := strings.Contains(why, "not the question's high"); got != c.lowered {
				t.Errorf("%s, %s, %s, %s: severity explained as %q", c.area, c.significance, c.people, question, why)
			}
		}
	}
}
