package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/store"
)

// A creation whose connection was lost once its commit was sent may be
// recorded or not (assess.OutcomeUnknown), as one given up for want of
// an answer: the workspace says it is not known, with where to look,
// never "not created", and does not open the form again for a second
// one. It was said as refused.
func TestACreationLostAtTheCommitIsSaidNotKnown(t *testing.T) {
	t.Run("said", func(t *testing.T) {
		e := newEnv(t)
		repo := &createWaits{Repository: e.db, silentGate: newSilentGate(t), refuse: lostAtCommitError()}
		f := submitNew(t, e, repo)
		repo.letGo()
		f.waitFor(`Not known whether a new Vendor security screen of "Acme Cloud Ltd" was created: `,
			lostAtCommitBrief+". ctrl+r reads the list again and shows whether it was")
		if strings.Contains(f.screen(), "Not created") {
			t.Errorf("a creation lost at the commit is said as refused:\n%s", f.screen())
		}
		f.quit()
	})
	t.Run("quitting", func(t *testing.T) {
		e := newEnv(t)
		repo := &createWaits{Repository: e.db, silentGate: newSilentGate(t), refuse: lostAtCommitError()}
		f := submitNew(t, e, repo)
		f.press("ctrl+c")
		f.waitFor("finishing saves (1 to write)")
		repo.letGo()
		m := finalModel(t, f)
		lost := strings.Join(m.Unsaved(), "\n")
		if want := `a new Vendor security screen of "Acme Cloud Ltd": not known whether it was created: `; !strings.HasPrefix(lost, want) ||
			!strings.HasSuffix(lost, "; assay list shows whether it was") {
			t.Errorf("quitting while a creation was lost at the commit, the workspace says %q; want it not known, with assay list", lost)
		}
	})
}

// archiveLost is a store whose archiving loses its connection once the
// commit is sent.
type archiveLost struct{ *store.DB }

func (archiveLost) SetArchived(context.Context, int64, bool) error { return lostAtCommitError() }

// Archiving lost at the commit is said as not known, as a creation is:
// it was said as the store's refusal, with the row kept as if nothing
// had happened.
func TestAnArchivingLostAtTheCommitIsSaidNotKnown(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Acme Cloud Ltd")
	d := e.deps()
	d.Repo = archiveLost{e.db}
	f := e.startWith(d)
	f.waitFor("1 of 1", "Acme Cloud Ltd")
	f.press("a")
	f.waitFor("Not known whether #1 was archived: ", "ctrl+r reads the list again and shows whether it was")
	f.quit()
}
