package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// The risk register read "Acceptable: no" beside a risk the committee had
// accepted, with nothing to tell it from one nobody had: the acceptance
// was only in the plan and in Accepted risks, pages on. The register now
// says who accepted it and until when. Worked out by hand: DPIA, both
// risks significant × significant (high, above the acceptable low);
// risk-access's item accepted by "Board | x" until 2027-06-30, in force on
// 2026-12-05; risk-modification's open.
func TestRiskRegisterSaysARiskIsAccepted(t *testing.T) {
	q := builtin(t, "dpia")
	high := assess.Value{Risk: &assess.RiskRating{Likelihood: 3, Impact: 3}}
	a := &assess.Assessment{ID: 3, UUID: "u", Subject: "Badges", Questionnaire: q, AssessedOn: govDay("2026-11-05"), Answers: assess.Answers{
		"risk-access":       {QuestionID: "risk-access", Value: high},
		"risk-modification": {QuestionID: "risk-modification", Value: high},
	},
		PlanEdits: map[string]assess.PlanEdit{
			"risk-access": {Key: "risk-access", Status: assess.ItemAccepted,
				Acceptance: &assess.Acceptance{Approver: "Board | x", Reason: "Re-architecture in 2027", Expires: govDay("2027-06-30")}},
		}}
	opts := report.Options{Today: govDay("2026-12-05")}
	md := report.Markdown(assess.Evaluate(a, opts.Today), opts)
	row := func(title string) string {
		for _, line := range strings.Split(md, "\n") {
			if strings.HasPrefix(line, "| R") && strings.Contains(line, "| "+title+" |") {
				return line
			}
		}
		t.Fatalf("no risk register row %q:\n%s", title, md)
		return ""
	}
	if got := row("Illegitimate access to personal data"); !strings.HasSuffix(got, "| no; risk accepted by Board \\| x *until 2027-06-30* |") {
		t.Errorf("the accepted risk's row does not say it is accepted: %s", got)
	}
	if got := row("Unwanted modification of personal data"); !strings.HasSuffix(got, "| no |") {
		t.Errorf("the open risk's row: %s", got)
	}
}
