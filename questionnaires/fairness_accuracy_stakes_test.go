package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// TestFairnessAccuracySeverityFollowsTheStakes: accuracy measured only in
// part was a medium finding for every system (fairness-aia 2.5.0), a
// supermarket's weekly offers as much as a bank's credit limits. It stays
// medium (a high question's partial gap) where credit, work or housing
// turn on the output, or its effect is significant, and is low where a
// wrong output concerns content, offers, prices or a door and costs at
// most a small loss; the finding says why.
func TestFairnessAccuracySeverityFollowsTheStakes(t *testing.T) {
	q := biGet(t, "fairness-aia")
	for _, c := range []struct {
		area, significance, want string
		lowered                  bool
	}{
		{"finance", "significant", "accuracy-targets:medium", false},
		{"essential", "moderate", "accuracy-targets:medium", false},
		{"content", "significant", "accuracy-targets:medium", false},
		{"marketing", "moderate", "accuracy-targets:low", true},
		{"access", "negligible", "accuracy-targets:low", true},
	} {
		res := assess.Score(q, biAnswers(t, q, false, map[string]assess.Value{
			"decision-area": biChoice(c.area), "significance": biChoice(c.significance), "accuracy-targets": biChoice("partial"),
		}), biAssessedOn)
		if got := findingsOf(res); got != c.want {
			t.Errorf("%s, %s: findings %s, want %s", c.area, c.significance, got, c.want)
			continue
		}
		why := strings.Join(res.Findings[0].SeverityWhy, "; ")
		if got := strings.Contains(why, "not the question's high"); got != c.lowered {
			t.Errorf("%s, %s: severity explained as %q", c.area, c.significance, why)
		}
	}
}
