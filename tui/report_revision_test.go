package tui_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A revision's report, on screen and exported, names who approved the
// assessment it revises and when, as assay report does.
func TestRevisionReportNamesTheApprovalItRevises(t *testing.T) {
	e, a := payrollAnswered(t)
	rev := approvedThenRevised(t, e, a.ID, testToday)
	f := e.start()
	f.waitFor("Payroll system")
	f.press("m")
	f.waitFor("[Report]")
	f.waitGone("Rendering…")
	flat := exportTheReport(t, e, f)
	if !strings.Contains(flat, "**Revision:** 2") {
		t.Fatalf("the report exported is not of the revision %d:\n%s", rev.ID, flat)
	}
	want := "made from assessment 1, approved by Rui Reviewer on " + testToday.String()
	if !strings.Contains(flat, want) {
		t.Errorf("the revision's report does not say %q:\n%s", want, flat)
	}
}

// approvedThenRevised has Ana submit assessment id today, Rui Reviewer
// approve it on the day given, and starts its revision.
func approvedThenRevised(t *testing.T, e *env, id int64, approvedOn assess.Date) *assess.Assessment {
	t.Helper()
	for _, step := range []struct {
		who string
		act assess.Action
		on  assess.Date
	}{{"Ana", assess.ActSubmit, testToday}, {"Rui Reviewer", assess.ActApprove, approvedOn}} {
		if _, err := e.db.Review(assess.WithActor(context.Background(), step.who), id, step.act, step.on, "ok"); err != nil {
			t.Fatal(err)
		}
	}
	rev, err := e.db.Revise(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return rev
}

// exportTheReport exports the report on screen under the name offered,
// quits, and gives the one report written, its white space made single
// spaces.
func exportTheReport(t *testing.T, e *env, f *flow) string {
	t.Helper()
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
	return strings.Join(strings.Fields(string(got)), " ")
}
