package assess_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A plan judged on 2026-03-01 that shows acceptances recorded on
// 2026-03-02 and 2026-03-03 is judged again on 2026-03-03, the newest.
// Acceptances recorded on or before the day judged on leave the
// evaluation as it is.
func TestJudgedThroughAcceptancesMovesToTheNewestAcceptance(t *testing.T) {
	a := &assess.Assessment{Questionnaire: diffQuestionnaire(t, "vendor-tiering.yaml"), AssessedOn: assess.NewDate(2026, 1, 31)}
	ev := &assess.Evaluation{Assessment: a, Today: assess.NewDate(2026, 3, 1)}
	if got := assess.JudgedThroughAcceptances(ev, map[string]assess.Date{"pentest": assess.NewDate(2026, 2, 20), "mfa": assess.NewDate(2026, 3, 1)}); got != ev {
		t.Errorf("acceptances on or before the day judged on moved it to %s", got.Today)
	}
	got := assess.JudgedThroughAcceptances(ev, map[string]assess.Date{"pentest": assess.NewDate(2026, 3, 3), "mfa": assess.NewDate(2026, 3, 2)})
	if got.Today != assess.NewDate(2026, 3, 3) {
		t.Errorf("judged on %s, want 2026-03-03, the newest acceptance's day", got.Today)
	}
}
