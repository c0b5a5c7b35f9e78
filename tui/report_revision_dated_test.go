package tui_test

import (
	"strings"
	"testing"
)

// A revision keeps the assessment date of the assessment it revises and
// its report names that assessment's approval. The workspace, opened on a
// day before that approval (a colleague ahead in time signed it), showed
// and exported "Report date: 2026-03-31" above "approved by Rui Reviewer
// on 2026-04-05". It dates the revision's report on the approval, as
// assay report does (the store reads the approval with the revision).
func TestRevisionReportInTheWorkspaceNotDatedBeforeTheApprovalItRevises(t *testing.T) {
	e, a := payrollAnswered(t)
	approved := testToday.AddDays(5)
	approvedThenRevised(t, e, a.ID, approved)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("m")
	f.waitFor("[Report]")
	f.waitGone("Rendering…")
	f.waitFor("Report date: " + approved.String())
	flat := exportTheReport(t, e, f)
	for _, want := range []string{"**Report date:** " + approved.String(), "approved by Rui Reviewer on " + approved.String()} {
		if !strings.Contains(flat, want) {
			t.Errorf("the revision's exported report does not say %q:\n%.1500s", want, flat)
		}
	}
}
