package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// A committee read a finding whose action was the questionnaire's
// recommendation while the plan table, for the same finding, gave the
// action the analyst had edited in: two actions for one finding. The
// finding now gives the plan's action, says it is the plan's, and keeps
// the recommendation it replaced; a finding whose action was not edited
// reads as before, its recommended action being the plan's.
// Worked out by hand: vendor-security-screen, mfa and policy answered no;
// mfa's action edited to "Issue hardware keys to the admin team | <b>now</b>".
func TestFindingGivesThePlansEditedAction(t *testing.T) {
	q := builtin(t, "vendor-security-screen")
	no := assess.Value{Choices: []string{"no"}}
	edited := "Issue hardware keys to the admin team | <b>now</b>"
	a := &assess.Assessment{ID: 2, UUID: "u", Subject: "ListCo", Questionnaire: q, AssessedOn: govDay("2026-11-01"), Answers: assess.Answers{
		"mfa": {QuestionID: "mfa", Value: no}, "policy": {QuestionID: "policy", Value: no},
	},
		PlanEdits: map[string]assess.PlanEdit{"mfa": {Key: "mfa", Action: edited}}}
	opts := report.Options{Today: govDay("2026-12-05")}
	e := assess.Evaluate(a, opts.Today)
	md := report.Markdown(e, opts)
	labels := e.FindingLabels()

	var recommended string
	for _, f := range e.Result.Findings {
		if f.Key == "mfa" {
			recommended = f.Action
		}
	}
	if recommended == "" || recommended == edited {
		t.Fatalf("mfa's recommended action %q: the test needs one that differs from the edit", recommended)
	}
	got := findingSection(t, md, labels["mfa"])
	want := "- **Action:** Issue hardware keys to the admin team \\| &lt;b&gt;now&lt;/b&gt; (the plan's; the questionnaire recommended: " + oneSpaced(recommended) + ")"
	if !strings.Contains(got, want) {
		t.Errorf("finding %s lacks\n%s\nin:\n%s", labels["mfa"], want, got)
	}
	if strings.Contains(got, "Recommended action:") {
		t.Errorf("finding %s still gives the recommendation as its action:\n%s", labels["mfa"], got)
	}

	// Not edited: the plan's action is the recommendation, said once.
	var policyAction string
	for _, it := range e.Plan {
		if it.Key() == "policy" {
			policyAction = it.Action
		}
	}
	got = findingSection(t, md, labels["policy"])
	if want := "- **Recommended action:** " + oneSpaced(policyAction); !strings.Contains(got, want) || strings.Contains(got, "the plan's") {
		t.Errorf("finding %s should give its unedited action once as\n%s\nin:\n%s", labels["policy"], want, got)
	}
}
