package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/store"
)

// A write whose connection was lost at the commit was said with the
// store's whole message, which ends naming where to look ("Once the
// server is back, assay history 1 shows whether it is there, …"), and
// then the surface's own words named where to look again ("; assay list
// shows whether it was"): two places to look, for one write. The store's
// brief says what happened, and where to look is said once, in the
// surface's own words.

// lostAtCommitBrief is lostAtCommitError's brief, as the store words it.
const lostAtCommitBrief = "connection to ana@db.example.org/privacy lost at the commit: the change may be recorded"

// saysWhereToLookOnce fails the test unless said names one place to look.
func saysWhereToLookOnce(t *testing.T, said string) {
	t.Helper()
	if n := strings.Count(said, "shows whether"); n != 1 {
		t.Errorf("a write not known to be saved names %d places to look, want 1: %q", n, said)
	}
}

func TestAWriteLostAtTheCommitSaysWhereToLookOnce(t *testing.T) {
	t.Run("the workspace quitting", func(t *testing.T) {
		e := newEnv(t)
		repo := &createWaits{Repository: e.db, silentGate: newSilentGate(t), refuse: lostAtCommitError()}
		f := submitNew(t, e, repo)
		f.press("ctrl+c")
		f.waitFor("finishing saves (1 to write)")
		repo.letGo()
		lost := strings.Join(finalModel(t, f).Unsaved(), "\n")
		want := `a new Vendor security screen of "Acme Cloud Ltd": not known whether it was created: ` + lostAtCommitBrief + "; assay list shows whether it was"
		if lost != want {
			t.Errorf("quitting, the workspace says\n%q\nwant\n%q", lost, want)
		}
		saysWhereToLookOnce(t, lost)
	})
	t.Run("the workspace's home screen", func(t *testing.T) {
		e := newEnv(t)
		e.create("vendor-security-screen", "Acme Cloud Ltd")
		d := e.deps()
		d.Repo = archiveLost{e.db}
		f := e.startWith(d)
		f.waitFor("1 of 1", "Acme Cloud Ltd")
		f.press("a")
		f.waitFor("Not known whether #1 was archived: " + lostAtCommitBrief + ". ctrl+r reads the list again and shows whether it was.")
		flat := strings.Join(strings.Fields(f.screen()), " ")
		if strings.Contains(flat, "assay history 1 shows") {
			t.Errorf("the home screen names two places to look:\n%s", f.screen())
		}
		f.quit()
	})
	t.Run("accessible mode", func(t *testing.T) {
		e := newEnv(t)
		d := e.deps()
		d.Repo, d.Login = createLostAtCommit{e.db}, "ana" // a team database's error
		out, _ := accessibleLeaving(t, d, strings.NewReader("n\n8\nBeta Corp\n\nq\n"))
		line := "Not known whether the assessment was created: " + lostAtCommitBrief + ". The list, read again now, shows whether it was.\n"
		if !strings.Contains(out, line) {
			t.Errorf("accessible mode does not say %q:\n%s", line, out)
		}
		if strings.Contains(out, "assay history 1 shows") {
			t.Errorf("accessible mode names two places to look:\n%s", out)
		}
	})
}

// createdByAColleagueAsTheConnectionIsLost is a store on which a
// colleague creates an assessment of the same questionnaire and subject
// as the one being created, whose connection is then lost at the commit
// before the server recorded it.
type createdByAColleagueAsTheConnectionIsLost struct{ *store.DB }

func (s createdByAColleagueAsTheConnectionIsLost) CreateAssessment(ctx context.Context, a *assess.Assessment) error {
	theirs := &assess.Assessment{Questionnaire: a.Questionnaire, Subject: a.Subject, SubjectKind: a.SubjectKind, Reviewer: "Sam Okafor", AssessedOn: a.AssessedOn}
	if err := s.DB.CreateAssessment(ctx, theirs); err != nil {
		return err
	}
	return lostAtCommitError()
}

// A creation lost at the commit was named again as accessible mode left,
// and counted, even when the list read again at once showed it there:
// the creation carries its own token (the assessment's UUID), by which
// the list read again tells it from a colleague's of the same name.
func TestAccessibleCreationLostAtTheCommitIsToldByTheListReadAgain(t *testing.T) {
	t.Run("recorded", func(t *testing.T) {
		e := newEnv(t)
		d := e.deps()
		d.Repo, d.Login = createLostAtCommit{e.db}, "ana" // a team database's error
		out, err := accessibleLeaving(t, d, strings.NewReader("n\n8\nBeta Corp\n\nq\n"))
		if err != nil {
			t.Errorf("accessible mode ended with %q, want nothing not known to be saved:\n%s", err, out)
		}
		want := "It was: assessment 1, a new Vendor security screen of Beta Corp, is in the list.\n"
		if !strings.Contains(out, want) {
			t.Errorf("accessible mode does not say %q:\n%s", want, out)
		}
		if strings.Contains(out, "Not known to be saved as accessible mode left") {
			t.Errorf("a creation the list shows is named as not known as accessible mode leaves:\n%s", out)
		}
	})
	t.Run("a colleague's of the same name", func(t *testing.T) {
		e := newEnv(t)
		d := e.deps()
		d.Repo, d.Login = createdByAColleagueAsTheConnectionIsLost{e.db}, "ana" // a team database's error
		out, err := accessibleLeaving(t, d, strings.NewReader("n\n8\nBeta Corp\n\nq\n"))
		leftNotKnown(t, err, "1 change is not known to be saved", out)
		if strings.Contains(out, "It was:") {
			t.Errorf("a colleague's assessment of the same name is taken for the one not known:\n%s", out)
		}
		want := `Not known to be saved as accessible mode left: a new Vendor security screen of "Beta Corp". `
		if !strings.Contains(out, want) {
			t.Errorf("accessible mode does not say %q:\n%s", want, out)
		}
	})
}

// Accessible mode named every write not known to be saved with "Once the
// server is back", on a person's own file too, where there is no server:
// a write on a file goes unanswered while something else holds the file,
// and what it left is there when assay next opens it.
func TestAccessibleNotKnownOnAFileSaysNoServer(t *testing.T) {
	for _, c := range []struct {
		name, login, look string
	}{
		{"a file", "", "When assay next opens the file, the list of assessments shows whether it was created.\n"},
		{"a team database", "ana", "Once the server is back, the list of assessments shows whether it was created.\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newEnv(t)
			repo := newDeafWrites(t, e.db)
			repo.goSilent()
			d := e.deps()
			d.Repo, d.Governance, d.SaveTimeout, d.Login = repo, repo, time.Second, c.login
			out, err := accessibleLeaving(t, d, strings.NewReader("n\n8\nBeta Corp\n\nq\n"))
			leftNotKnown(t, err, "1 change is not known to be saved", out)
			if want := `Not known to be saved as accessible mode left: a new Vendor security screen of "Beta Corp". ` + c.look; !strings.Contains(out, want) {
				t.Errorf("accessible mode does not say %q:\n%s", want, out)
			}
			if c.login == "" && strings.Contains(out, "server") {
				t.Errorf("accessible mode on a file speaks of a server:\n%s", out)
			}
		})
	}
}

// createFails fails every creation with err, recording nothing.
type createFails struct {
	*store.DB
	err error
}

func (s createFails) CreateAssessment(context.Context, *assess.Assessment) error { return s.err }

// The workspace and accessible mode each decided on their own which of a
// creation's errors leave it not known: the workspace by outcomeNotKnown,
// accessible mode by the marks its own deadline put on an error. Both now
// ask the one function; the same store error is said the same way in
// both, the words of each worked out here by hand: not known, with why
// and where to look once, or not created, with the store's words whole.
func TestTheWorkspaceAndAccessibleModeSayAStoreErrorTheSameWay(t *testing.T) {
	lostBefore := "the connection to the team database postgres://ana@db.example.org/privacy was lost (the server stopped, or the network to it failed); " +
		"nothing was recorded, since the server keeps nothing it did not commit: try again once it is back"
	refused := "a subject name may not be longer than 200 characters"
	archived := "assessment 1 is archived: restore it before changing it"
	for _, c := range []struct {
		name     string
		err      error // nil: the store does not answer
		notKnown bool
		why      string
	}{
		{"unanswered", nil, true, noAnswer},
		{"lost at the commit", lostAtCommitError(), true, lostAtCommitBrief},
		{"lost before the commit", assess.Errorf(assess.EUnavailable, "%s", lostBefore), false, lostBefore},
		{"refused", assess.Errorf(assess.EInvalid, "%s", refused), false, refused},
		{"archived", assess.Errorf(assess.ELocked, "%s", archived), false, archived},
	} {
		t.Run(c.name, func(t *testing.T) {
			workspace := `a new Vendor security screen of "Acme Cloud Ltd": not created: ` + c.why
			accessible := "Not created: " + c.why + "."
			if c.notKnown {
				workspace = `a new Vendor security screen of "Acme Cloud Ltd": not known whether it was created: ` + c.why + "; assay list shows whether it was"
				accessible = "Not known whether the assessment was created: " + c.why + ". The list, read again now, shows whether it was."
			}
			t.Run("the workspace quitting", func(t *testing.T) {
				e := newEnv(t)
				d := e.deps()
				d.SaveTimeout = time.Second
				repo := &createWaits{Repository: e.db, silentGate: newSilentGate(t), refuse: c.err}
				f := submitNewWith(t, e, d, repo)
				f.press("ctrl+c")
				f.waitFor("finishing saves (1 to write)")
				if c.err != nil {
					repo.letGo()
				}
				if lost := strings.Join(finalModel(t, f).Unsaved(), "\n"); lost != workspace {
					t.Errorf("the workspace says\n%q\nwant\n%q", lost, workspace)
				}
			})
			t.Run("accessible mode", func(t *testing.T) {
				e := newEnv(t)
				d := e.deps()
				d.Login, d.SaveTimeout = "ana", time.Second
				d.Repo = createFails{e.db, c.err}
				if c.err == nil {
					deaf := newDeafWrites(t, e.db)
					deaf.goSilent()
					d.Repo = deaf
				}
				out, err := accessibleLeaving(t, d, strings.NewReader("n\n8\nAcme Cloud Ltd\n\nq\n"))
				if !strings.Contains(out, "\n"+accessible+"\n") {
					t.Errorf("accessible mode does not say %q:\n%s", accessible, out)
				}
				if c.notKnown {
					leftNotKnown(t, err, "1 change is not known to be saved", out)
				} else if err != nil {
					t.Errorf("accessible mode ended with %q after a creation refused:\n%s", err, out)
				}
			})
		})
	}
}
