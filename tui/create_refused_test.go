package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A new assessment the store refuses (here a store that refuses the
// first, as a database busy with another writer may) leaves the form on
// screen with what was typed, under the reason, so that it can be sent
// again: the form had vanished, leaving the reason above an empty screen
// that no key but esc changed.
func TestARefusedNewAssessmentKeepsTheForm(t *testing.T) {
	e := newEnv(t)
	d := e.deps()
	d.Repo = &createRefusedOnce{Repository: e.db}
	f := e.startWith(d)
	f.waitFor("No assessments yet")
	f.press("n")
	f.waitFor("Questionnaire", "Subject")
	f.pickQuestionnaire("Vendor security screen")
	f.typeText("Evil Corp")
	f.waitFor("> Evil Corp")
	f.press("enter")
	f.waitFor("┃ The subject is a")
	f.press("enter")
	f.waitFor("the database is busy", "┃ Subject", "> Evil Corp")

	// Sent again, the assessment is created.
	f.press("enter")
	f.waitFor("┃ The subject is a")
	f.press("enter")
	f.waitFor("question 1 of 33")
	f.quit()
	e.reopen()
	if a := e.load(1); a.Subject != "Evil Corp" {
		t.Errorf("created for %q", a.Subject)
	}
}

// createRefusedOnce is a store that refuses the first assessment created.
type createRefusedOnce struct {
	assess.Repository
	refused bool
}

func (r *createRefusedOnce) CreateAssessment(ctx context.Context, a *assess.Assessment) error {
	if !r.refused {
		r.refused = true
		return assess.Errorf(assess.EConflict, "the database is busy; nothing was recorded")
	}
	return r.Repository.CreateAssessment(ctx, a)
}
