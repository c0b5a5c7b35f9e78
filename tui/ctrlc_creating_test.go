package tui_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest/v2"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// createWaits is a store whose CreateAssessment waits for the test to let
// it go, then creates the assessment or refuses it with refuse.
type createWaits struct {
	assess.Repository
	*silentGate
	refuse error
}

func (r *createWaits) CreateAssessment(ctx context.Context, a *assess.Assessment) error {
	r.hold("the creation")
	if r.refuse != nil {
		return r.refuse
	}
	return r.Repository.CreateAssessment(ctx, a)
}

// submitNew fills the new-assessment form and submits it, and waits
// until the store has the assessment in hand.
func submitNew(t *testing.T, e *env, repo *createWaits) *flow {
	t.Helper()
	return submitNewWith(t, e, e.deps(), repo)
}

// submitNewWith is submitNew on the workspace of d (its deadline, say).
func submitNewWith(t *testing.T, e *env, d tui.Deps, repo *createWaits) *flow {
	t.Helper()
	d.Repo = repo
	f := e.startWith(d)
	f.waitFor("No assessments yet")
	f.press("n")
	f.waitFor("Questionnaire", "Subject")
	f.pickQuestionnaire("Vendor security screen")
	f.typeText("Acme Cloud Ltd")
	f.waitFor("> Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("┃ The subject is a")
	f.press("enter")
	repo.heldNow(t, "the creation")
	return f
}

func finalModel(t *testing.T, f *flow) tui.Model {
	t.Helper()
	return f.tm.FinalModel(t, teatest.WithFinalTimeout(screenWait)).(screenSpy).Model.(tui.Model)
}

// ctrl+c while the store is creating an assessment waits for it, as it
// waits for an answer being written, and says which it was: created (with
// its ID) or not created (and why). It left without a word, and the
// analyst could not tell whether the assessment existed.
func TestCtrlCWhileCreatingSaysWhetherItWasCreated(t *testing.T) {
	t.Run("created", func(t *testing.T) {
		e := newEnv(t)
		repo := &createWaits{Repository: e.db, silentGate: newSilentGate(t)}
		f := submitNew(t, e, repo)
		f.press("ctrl+c")
		f.waitFor("finishing saves (1 to write)")
		repo.letGo()
		m := finalModel(t, f)
		if lost := m.Unsaved(); len(lost) != 0 {
			t.Errorf("created, yet the workspace says %q not saved", lost)
		}
		want := `Assessment 1 was created: Vendor security screen of "Acme Cloud Ltd"`
		if said := m.Saved(); len(said) != 1 || said[0] != want {
			t.Errorf("after ctrl+c while creating, the workspace says %q; want %q", said, want)
		}
		e.reopen()
		if a := e.load(1); a.Subject != "Acme Cloud Ltd" {
			t.Errorf("created for %q", a.Subject)
		}
	})
	t.Run("refused", func(t *testing.T) {
		e := newEnv(t)
		repo := &createWaits{Repository: e.db, silentGate: newSilentGate(t),
			refuse: errors.New("the database is busy; nothing was recorded")}
		f := submitNew(t, e, repo)
		f.press("ctrl+c")
		repo.letGo()
		m := finalModel(t, f)
		want := `a new Vendor security screen of "Acme Cloud Ltd": not created: the database is busy; nothing was recorded`
		if lost := m.Unsaved(); len(lost) != 1 || lost[0] != want {
			t.Errorf("after ctrl+c while creating, refused, the workspace says %q; want %q", lost, want)
		}
		if said := m.Saved(); len(said) != 0 {
			t.Errorf("not created, yet the workspace says %q", said)
		}
	})
}

// A second ctrl+c leaves without waiting, as it leaves a write behind,
// and says the creation was still under way: it may or may not be there.
func TestSecondCtrlCWhileCreatingSaysItWasUnderWay(t *testing.T) {
	e := newEnv(t)
	repo := &createWaits{Repository: e.db, silentGate: newSilentGate(t)}
	f := submitNew(t, e, repo)
	f.press("ctrl+c")
	f.waitFor("finishing saves")
	f.press("ctrl+c")
	lost := strings.Join(finalModel(t, f).Unsaved(), "\n")
	if want := `a new Vendor security screen of "Acme Cloud Ltd": still being created as assay left: assay list shows whether it was`; lost != want {
		t.Errorf("after a second ctrl+c while creating, the workspace says %q; want %q", lost, want)
	}
}
