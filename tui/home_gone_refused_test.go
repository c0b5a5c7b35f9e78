package tui_test

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/assay-dev/assay/assess"
)

// archiveRefused is the store refusing every archive this window asks
// for, as it refuses one of an assessment before the committee.
type archiveRefused struct{ assess.Repository }

func (archiveRefused) SetArchived(_ context.Context, id int64, _ bool) error {
	return &assess.Error{Code: assess.EConflict, Message: "cannot archive assessment 2: it is in review, before the committee; withdraw it to draft first"}
}

// An archive this window asked for and the store refused is not this
// window's doing: when the assessment goes later (a colleague withdrew
// and archived it), that is said like any other going, and the next key
// waits, rather than the cursor moving on to its neighbour unsaid.
func TestArchiveRefusedHereThenGoneElsewhereIsSaid(t *testing.T) {
	e := newEnv(t)
	for _, s := range []string{"Acme Cloud", "Beta Cloud", "Cobalt Cloud"} {
		e.create("vendor-security-screen", s)
	}
	d := e.deps()
	d.Repo = archiveRefused{e.db}
	f := e.startWith(d)
	f.waitFor("3 of 3")
	f.press("s")
	f.waitFor("sorted by subject", "▸ 3  Cobalt Cloud")
	f.press("k")
	f.waitFor("▸ 2  Beta Cloud")
	f.press("a")
	f.waitFor("cannot archive assessment 2: it is in review")
	if err := e.otherWindow().db.SetArchived(context.Background(), 2, true); err != nil {
		t.Fatal(err)
	}
	f.tm.Send(tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
	f.waitFor("2 of 2", "▸ 3  Cobalt Cloud",
		"#2 Beta Cloud, which was selected, is no longer listed (archived elsewhere; A shows archived ones): the cursor moved to #3 Cobalt Cloud.")
	f.press("enter")
	f.waitFor("enter did nothing: #2 Beta Cloud, which was selected, is no longer listed")
	f.press("enter")
	f.waitFor("[Interview]", "Cobalt Cloud")
	f.quit()
}
