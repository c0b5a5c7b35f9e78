package tui_test

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// The edit form of an item whose risk acceptance has expired offers
// risk-accepted (its recorded status) but refuses it on the field,
// saying how to accept the risk again: the store refuses an acceptance
// already expired, and that refusal, after the form closed, lost the
// owner typed with it.
func TestPlanEditRefusesAnExpiredAcceptanceOnTheField(t *testing.T) {
	// Assessed 70 days ago, its risk accepted 60 days ago until 10 days
	// ago: an acceptance cannot end before its assessment's date.
	e := newEnv(t)
	q, problems, err := questionnaires.ParseFile(filepath.Join("testdata", "all-types.yaml"))
	if err != nil || len(problems) > 0 {
		t.Fatal(err, problems)
	}
	e.extra = append(e.extra, q)
	a := &assess.Assessment{UUID: e.uuid(), Subject: "Payroll system", SubjectKind: "system", Reviewer: "Dana Reyes", Questionnaire: q, AssessedOn: testToday.AddDays(-70)}
	if err := e.db.CreateAssessment(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	answerAllTypes(t, e, a.ID)
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	accept := assess.PlanChange{Accept: assess.Acceptance{Approver: "CISO", Reason: "Test booked", Expires: testToday.AddDays(-10)}}
	if _, _, err := e.db.ChangePlanItem(ctx, a.ID, "pentest", accept, testToday.AddDays(-60)); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "open (expired)")
	f.press("enter")
	f.waitFor("┃ Owner")
	f.typeText("Sam Lee")
	f.press("enter")
	f.waitFor("┃ Due date")
	f.press("enter")
	f.waitFor("┃ Why the due date moved")
	f.press("enter")
	f.waitFor("┃ Status")
	f.press("down", "down", "down")
	f.waitFor("> risk accepted")
	f.press("enter")
	f.waitFor("the acceptance expired on 2026-03-21: a accepts the risk again")
	f.waitFor("┃ Status")
	f.press("up", "up", "up")
	f.waitFor("> open")
	f.press("enter")
	f.waitFor("┃ Action")
	f.press("enter")
	f.waitFor("saved ✓")
	f.quit()

	if got := e.load(a.ID).PlanEdits["pentest"]; got.Owner != "Sam Lee" {
		t.Errorf("pentest's owner is %q; want Sam Lee", got.Owner)
	}
}
