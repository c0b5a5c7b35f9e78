package tui_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
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
	for _, step := range []struct {
		who string
		act assess.Action
		on  assess.Date
	}{{"Ana", assess.ActSubmit, testToday}, {"Rui Reviewer", assess.ActApprove, approved}} {
		if _, err := e.db.Review(assess.WithActor(context.Background(), step.who), a.ID, step.act, step.on, "ok"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.db.Revise(context.Background(), a.ID); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Payroll system")
	f.press("m")
	f.waitFor("[Report]")
	f.waitGone("Rendering…")
	f.waitFor("Report date: " + approved.String())
	f.press("e")
	f.waitFor("Export to:")
	f.press("enter")
	f.waitFor("Exported to")
	f.quit()
	matches, _ := filepath.Glob(filepath.Join(e.dir, "*-report.md"))
	if len(matches) != 1 {
		t.Fatalf("exported %v", matches)
	}
	got, _ := os.ReadFile(matches[0])
	flat := strings.Join(strings.Fields(string(got)), " ")
	for _, want := range []string{"**Report date:** " + approved.String(), "approved by Rui Reviewer on " + approved.String()} {
		if !strings.Contains(flat, want) {
			t.Errorf("the revision's exported report does not say %q:\n%.1500s", want, flat)
		}
	}
}
