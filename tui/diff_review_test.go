package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Compare tells where each review stands, as assay diff and the report's
// "Changes since" do, and says why the default due dates differ when
// they moved with the assessment date (the workspace said neither).
// Worked out by hand: last year's assessment (2025-03-31) was approved
// on conditions by Rui Costa; this year's (2026-03-31) has the same
// answers, the penetration test over two years old on both dates (2
// points, the pentest finding with its default due date a year later),
// and was submitted by Dana Reyes.
func TestCompareTellsTheReviewAndShiftedDueDates(t *testing.T) {
	e := newEnv(t)
	answers := allTypesAnswers()
	old, _ := assess.ParseDate("2020-01-01")
	for i, a := range answers {
		if a.QuestionID == "pentest" {
			answers[i].Value = assess.Value{Date: old}
		}
	}
	ctx := context.Background()
	this := e.createFrom("all-types.yaml", "Payroll system")
	lastYear := testToday.AddDays(-365)
	last := &assess.Assessment{UUID: e.uuid(), Subject: "Payroll system", SubjectKind: "system", Reviewer: "Dana Reyes",
		Questionnaire: this.Questionnaire, AssessedOn: lastYear}
	if err := e.db.CreateAssessment(ctx, last); err != nil {
		t.Fatal(err)
	}
	for _, id := range []int64{last.ID, this.ID} {
		if err := e.db.SaveAnswers(ctx, id, answers); err != nil {
			t.Fatal(err)
		}
	}
	dana, rui := assess.WithActor(ctx, "Dana Reyes"), assess.WithActor(ctx, "Rui Costa")
	if _, err := e.db.Review(dana, last.ID, assess.ActSubmit, lastYear.AddDays(1), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.Review(rui, last.ID, assess.ActApprove, lastYear.AddDays(2), "On condition that MFA stays on"); err != nil {
		t.Fatal(err)
	}
	if _, err := e.db.Review(dana, this.ID, assess.ActSubmit, testToday, ""); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Payroll system")
	f.press("C")
	f.waitFor("Payroll system · compare #2 → #1",
		`Review: approved by Rui Costa on 2025-04-02 ("On condition that MFA stays on") →`,
		"in review, submitted by Dana Reyes on 2026-03-31",
		"Nothing else changed: the answers, scores, levels, findings and remediation",
		"The default due dates count from each assessment's date; those that moved with")
	f.quit()
}
