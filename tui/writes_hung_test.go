package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/tui"
)

// deafWrites is the store whose creations, archivings, explanations,
// sign-offs and revisions, once its gate goes silent, never answer and ignore their
// context, as a team server that accepts and never answers: each waits
// for the end of the test, then records nothing.
type deafWrites struct {
	*store.DB
	*silentGate
}

func newDeafWrites(t *testing.T, db *store.DB) *deafWrites {
	return &deafWrites{DB: db, silentGate: newSilentGate(t)}
}

func (s *deafWrites) CreateAssessment(ctx context.Context, a *assess.Assessment) error {
	if s.holdWhileSilent("the creation") {
		return errReleased
	}
	return s.DB.CreateAssessment(ctx, a)
}

func (s *deafWrites) SetArchived(ctx context.Context, id int64, archived bool) error {
	if s.holdWhileSilent("the archiving") {
		return errReleased
	}
	return s.DB.SetArchived(ctx, id, archived)
}

func (s *deafWrites) Explain(ctx context.Context, id int64, check, text string) (*assess.Assessment, error) {
	if s.holdWhileSilent("the explanation") {
		return nil, errReleased
	}
	return s.DB.Explain(ctx, id, check, text)
}

func (s *deafWrites) Review(ctx context.Context, id int64, action assess.Action, on assess.Date, comment string, opts ...assess.ReviewOption) (*assess.Assessment, error) {
	if s.holdWhileSilent("the sign-off") {
		return nil, errReleased
	}
	return s.DB.Review(ctx, id, action, on, comment, opts...)
}

func (s *deafWrites) Revise(ctx context.Context, id int64) (*assess.Assessment, error) {
	if s.holdWhileSilent("the revision") {
		return nil, errReleased
	}
	return s.DB.Revise(ctx, id)
}

// startDeaf opens the workspace on e's database through a store whose
// writes can be made deaf, with a write deadline of a second: given up
// after it and the watchdog's quarter, 1.25 s.
func startDeaf(t *testing.T, e *env) (*deafWrites, *flow) {
	t.Helper()
	repo := newDeafWrites(t, e.db)
	d := e.deps()
	d.Repo, d.Governance, d.SaveTimeout = repo, repo, time.Second
	return repo, e.startWith(d)
}

// neverSaysItFailedNorSaved fails the test if the screen calls a write
// given up for want of an answer failed, refused or done (the answers'
// "saved ✓" speaks of the answers, not of it): the server
// may have recorded it.
func neverSaysItFailedNorSaved(t *testing.T, f *flow) {
	t.Helper()
	s := strings.Join(strings.Fields(f.screen()), " ")
	for _, wrong := range []string{"failed", "Not signed", "Not explained", "not created", "archived: A shows", "Explained "} {
		if strings.Contains(s, wrong) {
			t.Errorf("a write given up for want of an answer is said as %q:\n%s", wrong, f.screen())
		}
	}
}

const noAnswer = "no answer from the database within 1.25s"

// The assessment being created had no deadline: a server that accepts
// and never answers left the form on "creating" for as long, and
// quitting waited for it for ever. It is given up after the deadline,
// and said as it is: not known whether it was created (the server may
// have recorded it), with where to look; quitting waits no longer than
// the deadline, and says the same as it leaves.
func TestAHungCreationIsGivenUpAndSaidNotKnown(t *testing.T) {
	submit := func(t *testing.T) (*env, *deafWrites, *flow) {
		e := newEnv(t)
		repo, f := startDeaf(t, e)
		f.waitFor("No assessments yet")
		f.press("n")
		f.waitFor("Questionnaire", "Subject")
		f.pickQuestionnaire("Vendor security screen")
		f.typeText("Acme Cloud Ltd")
		f.waitFor("> Acme Cloud Ltd")
		f.press("enter")
		f.waitFor("┃ The subject is a")
		repo.goSilent()
		f.press("enter")
		repo.heldNow(t, "the creation")
		return e, repo, f
	}
	t.Run("said", func(t *testing.T) {
		_, repo, f := submit(t)
		f.waitFor(`Not known whether a new Vendor security screen of "Acme Cloud Ltd" was created: `+noAnswer+".",
			"ctrl+r reads the list again and shows whether it was")
		neverSaysItFailedNorSaved(t, f)
		repo.answer()
		f.press("ctrl+r")
		f.waitFor("No assessments yet")
		f.quit()
	})
	t.Run("quitting", func(t *testing.T) {
		_, _, f := submit(t)
		f.press("ctrl+c")
		f.waitFor("finishing saves (1 to write)")
		m := finalModel(t, f)
		want := `a new Vendor security screen of "Acme Cloud Ltd": not known whether it was created: ` + noAnswer + "; assay list shows whether it was"
		if lost := m.Unsaved(); len(lost) != 1 || lost[0] != want {
			t.Errorf("quitting while the creation went unanswered, the workspace says %q; want %q", lost, want)
		}
		if said := m.Saved(); len(said) != 0 {
			t.Errorf("unanswered, yet the workspace says %q", said)
		}
	})
}

// Archiving (and restoring) had no deadline either, and quitting did not
// wait for it at all: the workspace left while the store was archiving,
// saying nothing. It is given up after the deadline and said as not
// known; quitting waits for it as for an answer being written, and says
// what became of it.
func TestAHungArchivingIsGivenUpAndSaidNotKnown(t *testing.T) {
	start := func(t *testing.T) (*deafWrites, *flow) {
		e := newEnv(t)
		e.create("vendor-security-screen", "Acme Cloud Ltd")
		repo, f := startDeaf(t, e)
		f.waitFor("1 of 1", "Acme Cloud Ltd")
		repo.goSilent()
		f.press("a")
		repo.heldNow(t, "the archiving")
		return repo, f
	}
	t.Run("said", func(t *testing.T) {
		repo, f := start(t)
		f.waitFor("Not known whether #1 was archived: "+noAnswer+".", "ctrl+r reads the list again and shows whether it was")
		neverSaysItFailedNorSaved(t, f)
		repo.answer()
		f.press("ctrl+r")
		f.waitFor("1 of 1", "Acme Cloud Ltd")
		f.quit()
	})
	t.Run("quitting", func(t *testing.T) {
		_, f := start(t)
		f.press("q")
		f.waitFor("finishing saves (1 to write)")
		m := finalModel(t, f)
		want := "#1 Acme Cloud Ltd: archiving it: not known whether it was archived: " + noAnswer + "; assay list --all shows whether it was"
		if lost := m.Unsaved(); len(lost) != 1 || lost[0] != want {
			t.Errorf("quitting while the archiving went unanswered, the workspace says %q; want %q", lost, want)
		}
	})
	t.Run("quitting, answered", func(t *testing.T) {
		e := newEnv(t)
		e.create("vendor-security-screen", "Acme Cloud Ltd")
		repo := &archiveWaits{DB: e.db, silentGate: newSilentGate(t)}
		d := e.deps()
		d.Repo = repo
		f := e.startWith(d)
		f.waitFor("1 of 1", "Acme Cloud Ltd")
		f.press("a")
		repo.heldNow(t, "the archiving")
		f.press("q")
		f.waitFor("finishing saves (1 to write)")
		repo.letGo()
		m := finalModel(t, f)
		if lost := m.Unsaved(); len(lost) != 0 {
			t.Errorf("archived, yet the workspace says %q", lost)
		}
		if said, want := m.Saved(), "#1 Acme Cloud Ltd was archived"; len(said) != 1 || said[0] != want {
			t.Errorf("quitting while archiving, the workspace says %q; want %q", said, want)
		}
		e.reopen()
		if !e.load(1).Archive.Archived() {
			t.Error("quitting left before the archiving was recorded")
		}
	})
}

// archiveWaits is a store whose archiving waits for the test to let it go.
type archiveWaits struct {
	*store.DB
	*silentGate
}

func (r *archiveWaits) SetArchived(ctx context.Context, id int64, archived bool) error {
	r.hold("the archiving")
	return r.DB.SetArchived(ctx, id, archived)
}

// The workspace's explanation (D, as assay explain does) had no
// deadline: a server that never answers left the status on "Recording
// the explanation…" for as long, and quitting left at once without a
// word of it. It is given up after the deadline and said as not known,
// with where to look; quitting waits for it and says the same.
func TestAHungExplanationIsGivenUpAndSaidNotKnown(t *testing.T) {
	explain := func(t *testing.T) (*deafWrites, *flow) {
		e := newEnv(t)
		e.createFrom("disagree.yaml", "Loan model")
		repo, f := startDeaf(t, e)
		f.waitFor("sorted by")
		f.press("enter")
		f.waitFor("Were outcomes compared across groups?")
		f.press("1")
		f.waitFor("Were combinations of groups compared?")
		f.press("2")
		f.waitFor("Has anyone outside the team read the test report?")
		f.press("h") // back to the question that disagrees
		f.waitFor("This answer disagrees with bias-testing")
		f.press("D")
		f.waitFor("Why both stand:")
		f.typeText("Only single groups were in the data")
		f.waitFor("> Only single groups")
		repo.goSilent()
		f.press("enter")
		repo.heldNow(t, "the explanation")
		return repo, f
	}
	t.Run("said", func(t *testing.T) {
		_, f := explain(t)
		f.waitFor("Not known whether the explanation of groups-tested-yet-none-compared was recorded: "+noAnswer+".",
			"Open #1 again from the list to see whether it was")
		neverSaysItFailedNorSaved(t, f)
		f.quit()
	})
	t.Run("D again meanwhile", func(t *testing.T) {
		// A second explanation given while the first is on its way
		// took the first's place in the queue: it is refused until the
		// first has an outcome.
		_, f := explain(t)
		f.press("D")
		f.waitFor("The explanation of groups-tested-yet-none-compared is still being recorded; D explains again once it is.")
		if strings.Contains(f.screen(), "Why both stand:") {
			t.Errorf("a second explanation opened while the first is on its way:\n%s", f.screen())
		}
		f.waitFor("Not known whether the explanation of groups-tested-yet-none-compared was recorded")
		f.press("D")
		f.waitFor("Why both stand:")
		f.press("esc")
		f.quit()
	})
	t.Run("quitting", func(t *testing.T) {
		_, f := explain(t)
		f.press("ctrl+c")
		f.waitFor("finishing saves (1 to write)")
		m := finalModel(t, f)
		want := "#1 Loan model: the explanation of groups-tested-yet-none-compared: not known whether it was recorded: " + noAnswer + "; assay history 1 shows whether it was"
		if lost := m.Unsaved(); len(lost) != 1 || lost[0] != want {
			t.Errorf("quitting while the explanation went unanswered, the workspace says %q; want %q", lost, want)
		}
	})
}

// A sign-off had no deadline: a server that never answers left the
// screen on "Signing…" for as long, and quitting waited for it for ever.
// It is given up after the deadline and said as not known (never "Not
// signed": the server may have recorded it); the review reads the
// assessment again, and quitting waits no longer than the deadline and
// says the same as it leaves.
func TestAHungSignOffIsGivenUpAndSaidNotKnown(t *testing.T) {
	sign := func(t *testing.T) (*deafWrites, *flow) {
		e, _ := payrollAnswered(t)
		repo, f := startDeaf(t, e)
		f.waitFor("Payroll system")
		f.press("r")
		f.waitFor("State: draft · S submits it for review")
		f.press("S")
		f.waitFor("Sign off", "Submit for review")
		f.press("enter")
		f.waitFor("┃ Comment")
		f.typeText("Ready for the committee")
		f.waitFor("Ready for the committee")
		repo.goSilent()
		f.press("enter")
		repo.heldNow(t, "the sign-off")
		return repo, f
	}
	t.Run("said", func(t *testing.T) {
		_, f := sign(t)
		f.waitFor("Not known whether the sign-off was recorded: "+noAnswer+".",
			"The review reads #1 again and shows it if it was; sign again only if it was not.")
		neverSaysItFailedNorSaved(t, f)
		f.press("enter")
		f.waitFor("State: draft · S submits it for review")
		f.quit()
	})
	t.Run("quitting", func(t *testing.T) {
		_, f := sign(t)
		f.press("ctrl+c")
		f.waitFor("finishing saves (1 to write)")
		m := finalModel(t, f)
		want := "#1 Payroll system: the sign-off (Submit for review): not known whether it was recorded: " + noAnswer + "; assay history 1 shows whether it was"
		if lost := m.Unsaved(); len(lost) != 1 || lost[0] != want {
			t.Errorf("quitting while the sign-off went unanswered, the workspace says %q; want %q", lost, want)
		}
	})
}

var _ tui.Governance = (*deafWrites)(nil)
