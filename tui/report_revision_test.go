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
	for _, step := range []struct {
		who string
		act assess.Action
	}{{"Ana", assess.ActSubmit}, {"Rui Reviewer", assess.ActApprove}} {
		if _, err := e.db.Review(assess.WithActor(context.Background(), step.who), a.ID, step.act, testToday, "ok"); err != nil {
			t.Fatal(err)
		}
	}
	rev, err := e.db.Revise(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Payroll system")
	f.press("m")
	f.waitFor("[Report]")
	f.waitGone("Rendering…")
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
	if !strings.Contains(flat, "**Revision:** 2") {
		t.Fatalf("the report exported is not of the revision %d:\n%s", rev.ID, flat)
	}
	want := "made from assessment 1, approved by Rui Reviewer on " + testToday.String()
	if !strings.Contains(flat, want) {
		t.Errorf("the revision's report does not say %q:\n%s", want, flat)
	}
}
