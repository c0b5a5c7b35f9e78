package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// TestFairnessMonitoringAsTheLevelsSay: production-monitoring makes a
// finding at every impact level (Canada's Directive on Automated
// Decision-Making asks outcomes monitored at every level), so level I's
// obligations, which every later level includes, say so; alert
// thresholds, a finding from level III only, are named at III. Before,
// the meanings named monitoring only from III while a level I report
// listed a high finding for it.
func TestFairnessMonitoringAsTheLevelsSay(t *testing.T) {
	q := biGet(t, "fairness-aia")
	res := assess.Score(q, biAnswers(t, q, false, map[string]assess.Value{"production-monitoring": biChoice("no")}), biAssessedOn)
	if res.Outcome == nil || res.Outcome.Level != "I" {
		t.Fatalf("outcome %+v, want I with every other answer at its best", res.Outcome)
	}
	if got := findingsOf(res); !strings.Contains(got, "production-monitoring:") {
		t.Fatalf("findings %s, want one on production-monitoring at level I", got)
	}
	def, _ := q.Level("impact-level")
	if m := def.Meanings["I"]; !strings.Contains(m, "monitor its outcomes in production, fairness measures for each group included") {
		t.Errorf("level I's meaning does not ask the monitoring its finding asks: %q", m)
	}
	if m := def.Meanings["III"]; strings.Contains(m, "fairness metrics monitored") || !strings.Contains(m, "alert thresholds") {
		t.Errorf("level III's meaning should add alert thresholds, not monitoring itself: %q", m)
	}
}
