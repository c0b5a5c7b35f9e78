package tui_test

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// The assessment under the cursor archived in another window while the
// home screen shows it: the list read again (ctrl+r, a watch notice)
// puts the cursor on its neighbour, and says so. The first key that
// acts on a row after that acts on nothing the person had not seen
// selected: it is refused, saying why, and the same key again acts on
// the row now shown selected.
func TestTheSelectedAssessmentGoneElsewhereIsSaidAndTheNextKeyWaits(t *testing.T) {
	for _, c := range []struct {
		name string
		key  string
		then string // what the key shows once pressed again
	}{
		{"enter", "enter", "[Interview]"},
		{"r", "r", "[Scores]"},
		{"p", "p", "[Plan]"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e, _, f := fiveClouds(t)
			if err := e.otherWindow().db.SetArchived(context.Background(), 3, true); err != nil {
				t.Fatal(err)
			}
			f.tm.Send(tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
			f.waitFor("4 of 5 · sorted by subject", "▸ 4  Delta Cloud",
				"#3 Cobalt Cloud, which was selected, is no longer listed")
			f.press(c.key)
			f.waitFor(c.key + " did nothing: #3 Cobalt Cloud, which was selected, is no longer listed")
			f.waitFor("press "+c.key+" again to act on #4 Delta Cloud", "4 of 5 · sorted by subject")
			f.press(c.key)
			f.waitFor(c.then, "Delta Cloud")
			f.quit()
		})
	}
}

// a (archive) after an unseen change of selection archives nothing: the
// neighbour the cursor moved to stays listed.
func TestArchiveAfterTheSelectedAssessmentWentElsewhereArchivesNothing(t *testing.T) {
	e, _, f := fiveClouds(t)
	if err := e.otherWindow().db.SetArchived(context.Background(), 3, true); err != nil {
		t.Fatal(err)
	}
	f.tm.Send(tea.KeyPressMsg{Code: 'r', Mod: tea.ModCtrl})
	f.waitFor("▸ 4  Delta Cloud", "no longer listed")
	f.press("a")
	f.waitFor("a did nothing")
	if e.load(4).Archive.Archived() {
		t.Fatal("a archived Delta Cloud, which the person had not seen selected")
	}
	// Moving the cursor chooses a row: the note goes, and keys act.
	f.press("k", "j")
	f.waitGone("no longer listed")
	f.press("a")
	f.waitFor("#4 archived")
	if !e.load(4).Archive.Archived() {
		t.Fatal("a on the row chosen did not archive it")
	}
	f.quit()
}

// The list read again on a watch notice (the database says another
// window changed it) has the same care: nothing is pressed between the
// change and the note.
func TestTheSelectedAssessmentGoneOnAWatchNoticeIsSaid(t *testing.T) {
	e := newEnv(t)
	for _, s := range []string{"Acme Cloud", "Beta Cloud", "Cobalt Cloud"} {
		e.create("vendor-security-screen", s)
	}
	f := e.watching()
	f.waitFor("3 of 3")
	f.press("s")
	f.waitFor("sorted by subject", "▸ 3  Cobalt Cloud")
	f.press("k")
	f.waitFor("▸ 2  Beta Cloud")
	if err := e.otherWindow().db.SetArchived(context.Background(), 2, true); err != nil {
		t.Fatal(err)
	}
	f.waitFor("2 of 2", "▸ 3  Cobalt Cloud", "#2 Beta Cloud, which was selected, is no longer listed")
	// Sorting and filtering still work, the note with them.
	f.press("s")
	f.waitFor("sorted by level", "▸ 3  Cobalt Cloud", "no longer listed")
	f.press("/")
	f.typeText("cobalt")
	f.press("enter")
	f.waitFor("1 of 2", "▸ 3  Cobalt Cloud", "no longer listed")
	f.press("enter")
	f.waitFor("enter did nothing")
	f.press("enter")
	f.waitFor("[Interview]", "Cobalt Cloud")
	f.quit()
}

// Archiving here is the person's own doing: the cursor goes to the
// neighbour, and the next key acts on it at once.
func TestArchivingHereMovesToTheNeighbourWithoutAsking(t *testing.T) {
	e, _, f := fiveClouds(t)
	f.press("a")
	f.waitFor("#3 archived", "▸ 4  Delta Cloud")
	f.press("enter")
	f.waitFor("[Interview]", "Delta Cloud")
	if e.load(3).Archive.Archived() == false {
		t.Fatal("a did not archive Cobalt Cloud")
	}
	f.quit()
}
