package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// testdata/conditions.yaml, dimension "risk" (control questions: yes 0,
// partial 1, no 2, times the weight):
//
//	uses-ai         single, unscored
//	ai-oversight    when uses-ai == 'yes'; weight 2, max 4, severity high
//	ai-uses         multi, unscored, when uses-ai == 'yes'
//	scoring-review  when ai-uses contains 'scoring'; max 2, high
//	mfa             always; max 2, medium
//	data            multi, unscored
//	records         number, unscored
//	dpo-review      when records >= 10000 and not (data contains 'none'); max 2
//	section health  when data contains 'health':
//	  health-consent  weight 2, max 4, high
//	  health-dpia     max 2, high
//	level: low up to 50%, high above
func TestConditionsHideAndShowAgain(t *testing.T) {
	q := loadTestdata(t, "conditions.yaml")

	// The analyst first said the system uses AI and answered the AI
	// questions, then changed uses-ai to no. The AI answers are kept but
	// hidden: ai-oversight and ai-uses by their condition; scoring-review
	// because the answer it looks at (ai-uses) is hidden, so it has no
	// value. The health answer is hidden with its section (data has no
	// health). records 500 < 10000 hides dpo-review.
	// Counted: mfa yes 0 of 2. Risk 0 of 2 = 0%: low.
	hiddenAnswers := `
ai-oversight: no
ai-uses: [scoring]
scoring-review: no
mfa: yes
data: [contact]
records: 500
health-consent: no`
	res := scoreOf(t, q, "uses-ai: no"+hiddenAnswers)
	checkDim(t, res, "risk", "0", "0", "2")
	if got := levelOf(t, res, "overall"); got != "low" {
		t.Errorf("level %s, want low", got)
	}
	if got := strings.Join(res.HiddenAnswered, " "); got != "ai-oversight ai-uses scoring-review health-consent" {
		t.Errorf("hidden with answers: %s", got)
	}
	for _, id := range []string{"ai-oversight", "scoring-review", "health-consent"} {
		r := questionOf(t, res, id)
		if r.Visible || r.Status != assess.StatusHidden || r.Counts() || !r.Answered || r.Answer != "No" {
			t.Errorf("%s: %+v; want hidden, answer kept as No, not counted", id, r)
		}
	}
	// Required questions inside hidden parts are not missing: the result is
	// complete with uses-ai, mfa, data and records answered.
	if !res.Complete || res.Total != 4 || res.Answered != 4 {
		t.Errorf("complete %v, %d of %d, unanswered %v", res.Complete, res.Answered, res.Total, res.Unanswered)
	}
	if len(res.Findings) != 0 {
		t.Errorf("hidden answers made findings: %s", findingsOf(res))
	}
	if s := res.Sections[1]; s.ID != "health" || s.Visible || s.Total != 0 {
		t.Errorf("health section %+v, want hidden", s)
	}

	// uses-ai back to yes: the kept answers count again. ai-oversight no
	// 2×2 = 4 of 4; scoring-review no 2 of 2 (ai-uses contains scoring);
	// mfa 0 of 2. Risk 6 of 8 = 75%: high. Only the health answer is
	// still hidden.
	res = scoreOf(t, q, "uses-ai: yes"+hiddenAnswers)
	checkDim(t, res, "risk", "6", "6", "8")
	if got := levelOf(t, res, "overall"); got != "high" {
		t.Errorf("level %s, want high", got)
	}
	if got := strings.Join(res.HiddenAnswered, " "); got != "health-consent" {
		t.Errorf("hidden with answers: %s", got)
	}
	if got := findingsOf(res); got != "ai-oversight:high scoring-review:high" {
		t.Errorf("findings %s", got)
	}
	if !res.Complete || res.Total != 7 {
		t.Errorf("complete %v, %d of %d, unanswered %v", res.Complete, res.Answered, res.Total, res.Unanswered)
	}

	// data gains health: the section appears. health-consent no 2×2 = 4 of
	// 4; health-dpia is unanswered, so it counts as its worst, 2 of 2, and
	// the result is incomplete. Risk 6 + 4 + 2 = 12 of 8 + 4 + 2 = 14.
	res = scoreOf(t, q, strings.Replace("uses-ai: yes"+hiddenAnswers, "data: [contact]", "data: [contact, health]", 1))
	checkDim(t, res, "risk", "12", "12", "14")
	if len(res.HiddenAnswered) != 0 {
		t.Errorf("hidden with answers: %v", res.HiddenAnswered)
	}
	if res.Complete || strings.Join(res.Unanswered, " ") != "health-dpia" {
		t.Errorf("complete %v, unanswered %v", res.Complete, res.Unanswered)
	}
	if got := findingsOf(res); got != "ai-oversight:high scoring-review:high health-consent:high" {
		t.Errorf("findings %s", got)
	}

	// records 20000 with data not 'none' shows dpo-review; unanswered, it
	// counts as its worst (2 of 2): 14 of 16.
	res = scoreOf(t, q, strings.Replace(strings.Replace("uses-ai: yes"+hiddenAnswers, "data: [contact]", "data: [contact, health]", 1), "records: 500", "records: 20000", 1))
	checkDim(t, res, "risk", "14", "14", "16")
	if strings.Join(res.Unanswered, " ") != "dpo-review health-dpia" {
		t.Errorf("unanswered %v", res.Unanswered)
	}
	// data 'none' hides it again, and with it the health section.
	res = scoreOf(t, q, strings.Replace(strings.Replace("uses-ai: yes"+hiddenAnswers, "data: [contact]", "data: [none]", 1), "records: 500", "records: 20000", 1))
	checkDim(t, res, "risk", "6", "6", "8")
}
