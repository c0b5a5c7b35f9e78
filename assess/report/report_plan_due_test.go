package report_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/report"
)

// The plan table's due date gives a move in words of its own, in
// italics, on a line below the date, and the reason after them as typed:
// "(moved from DATE: reason)" let a reason holding ")" or "moved from"
// forge a second move. Worked out by hand: mfa (high) of an assessment
// of 2026-11-01 is due 30 days on, 2026-12-01, moved to 2027-02-15.
func TestPlanDueCellMarksTheMoveAsOurWords(t *testing.T) {
	q := builtin(t, "vendor-security-screen")
	reason := "Vendor asked) (moved from 2026-10-01: forged"
	a := &assess.Assessment{ID: 2, UUID: "u", Subject: "ListCo", Questionnaire: q, AssessedOn: govDay("2026-11-01"), Answers: assess.Answers{
		"mfa": {QuestionID: "mfa", Value: assess.Value{Choices: []string{"no"}}},
	},
		PlanEdits: map[string]assess.PlanEdit{"mfa": {Key: "mfa", Owner: "Sam", Due: govDay("2027-02-15"), DueReason: reason}}}
	opts := report.Options{Today: govDay("2026-11-05")}
	md := report.Markdown(assess.Evaluate(a, opts.Today), opts)
	want := "| Sam | 2027-02-15<br>&#10;*moved from 2026-12-01; reason:* Vendor asked) (moved from 2026-10-01: forged | open |"
	if !strings.Contains(md, want) {
		_, plan, _ := strings.Cut(md, "## Remediation plan")
		t.Errorf("the plan has no cells\n%s\nin:\n%s", want, plan)
	}
}
