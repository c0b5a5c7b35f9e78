package questionnaires_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// TestFRIANotificationIsHighAndExemptOnlyUnderArticle46: not notifying
// the results to the market surveillance authority was a medium finding
// (eu-ai-act-fria 1.9.0), due after first use, though Article 27(3) binds
// every deployer Article 27(1) names. It is high; a notification that
// leaves out some results is medium; and the one case Article 27(3)
// excuses, a use authorised under Article 46(1), is its own answer that
// leaves the question out of the maximum and makes no finding.
func TestFRIANotificationIsHighAndExemptOnlyUnderArticle46(t *testing.T) {
	q := biGet(t, "eu-ai-act-fria")
	for _, c := range []struct {
		answer, findings, gaps string
	}{
		{"no", "authority-notice:high", "2 of 60"},
		{"partial", "authority-notice:medium", "1 of 60"},
		{"yes", "", "0 of 60"},
		{"exempt", "", "0 of 58"},
	} {
		res := assess.Score(q, biAnswers(t, q, false, map[string]assess.Value{
			"deployer-type": biChoice("public-body"), "authority-notice": biChoice(c.answer),
		}), biAssessedOn)
		if got := findingsOf(res); got != c.findings {
			t.Errorf("authority-notice %s: findings %q, want %q", c.answer, got, c.findings)
		}
		d := res.Dimension("gaps")
		if got := d.Value.String() + " of " + d.Base.String(); got != c.gaps {
			t.Errorf("authority-notice %s: gaps %s, want %s", c.answer, got, c.gaps)
		}
	}
}

// TestFRIANoMeasuresIfRisksMaterialiseSetsHigh: Article 27(1)(f) asks
// the assessment for the measures taken if the risks materialise,
// including the arrangements for internal governance and the complaint
// route. A missing complaint route set the outcome to high; no measures
// at all left it low (eu-ai-act-fria 1.9.0), and so did no internal
// governance (until 1.18.0). All three now set high; measures written
// down for some risks only, or governance over part of the use (partly),
// stay findings for the plan, as a missing decision-maker does on
// incident-decider since 1.11.0.
func TestFRIANoMeasuresIfRisksMaterialiseSetsHigh(t *testing.T) {
	q := biGet(t, "eu-ai-act-fria")
	for _, c := range []struct {
		question, answer, outcome, knockout, findings string
	}{
		{"incident-measures", "no", "high", "incident-measures", "incident-measures:high"},
		{"incident-measures", "partial", "low", "", "incident-measures:medium"},
		{"incident-measures", "yes", "low", "", ""},
		{"internal-governance", "no", "high", "internal-governance", "internal-governance:high"},
		{"internal-governance", "partial", "low", "", "internal-governance:medium"},
		{"internal-governance", "yes", "low", "", ""},
		{"complaints", "no", "high", "complaints", "complaints:high"},
		{"complaints", "partial", "low", "", "complaints:medium"},
	} {
		res := assess.Score(q, biAnswers(t, q, false, map[string]assess.Value{
			c.question: biChoice(c.answer),
		}), biAssessedOn)
		if res.Outcome == nil || res.Outcome.Level != c.outcome {
			t.Errorf("%s %s: outcome %+v, want %s", c.question, c.answer, res.Outcome, c.outcome)
			continue
		}
		if ko, _ := res.Outcome.Knockout(); ko.Question != c.knockout {
			t.Errorf("%s %s: knock-out %q, want %q", c.question, c.answer, ko.Question, c.knockout)
		}
		if got := findingsOf(res); got != c.findings {
			t.Errorf("%s %s: findings %q, want %q", c.question, c.answer, got, c.findings)
		}
	}
}

// TestFRIANotificationFollowsTheAssessmentNotFirstUse: Article 27(3)
// has the deployer notify the results "once the assessment ... has been
// performed"; it sets no "before first use". Asking whether the results
// would be notified "before first use" (eu-ai-act-fria 1.17.0) put a
// deadline in the analyst's mouth that the Regulation does not set, and
// the action told the deployer to meet it.
func TestFRIANotificationFollowsTheAssessmentNotFirstUse(t *testing.T) {
	q := biGet(t, "eu-ai-act-fria")
	an, ok := q.Question("authority-notice")
	if !ok {
		t.Fatal("no authority-notice")
	}
	for field, text := range map[string]string{"text": an.Text, "help": an.Help, "action": an.Action} {
		if strings.Contains(text, "before first use") {
			t.Errorf("authority-notice's %s ties the notification to first use: %q", field, text)
		}
	}
	for field, text := range map[string]string{"text": an.Text, "action": an.Action} {
		if !strings.Contains(text, "once this assessment is") {
			t.Errorf("authority-notice's %s does not tie the notification to the assessment: %q", field, text)
		}
	}
}
