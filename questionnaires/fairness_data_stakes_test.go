package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// TestFairnessDataBiasSeverityFollowsTheStakes: training data never
// checked for representation gaps or historical bias was a high finding,
// due in 30 days, for every system (fairness-aia 2.6.0): a supermarket's
// recipe suggestions as much as a CV ranker trained on ten years of
// hires. Where the system only ranks content or sends offers, the effect
// is at most moderate and the people are not in vulnerable situations,
// a skewed data set serves some groups worse suggestions, not a refused
// job or loan: medium (partly: low), and the finding says why. Prices,
// a door opened by a face and everything with significant effects stay
// high: there a skew in the data is the disparity itself.
func TestFairnessDataBiasSeverityFollowsTheStakes(t *testing.T) {
	q := biGet(t, "fairness-aia")
	for _, question := range []string{"data-representation", "historical-bias"} {
		for _, c := range []struct {
			area, significance, people, answer, want string
			lowered                                  bool
		}{
			{"employment", "legal", "consumers", "no", "high", false},
			{"finance", "significant", "consumers", "partial", "medium", false},
			{"content", "significant", "consumers", "no", "high", false},
			{"pricing", "moderate", "consumers", "no", "high", false},
			{"access", "moderate", "staff", "no", "high", false},
			{"marketing", "moderate", "vulnerable", "no", "high", false},
			{"content", "negligible", "consumers", "no", "medium", true},
			{"marketing", "moderate", "consumers", "partial", "low", true},
		} {
			res := assess.Score(q, biAnswers(t, q, false, map[string]assess.Value{
				"decision-area": biChoice(c.area), "significance": biChoice(c.significance),
				"affected-people": biChoice(c.people), question: biChoice(c.answer),
			}), biAssessedOn)
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
