package tui_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/tui"
)

// An answer's note kept to write again (the server never got it, or
// recorded it and its answer was lost), and then the answer changed:
// the answer given again replaces the kept one whole, so it carries the
// note, is made over what the server holds, and meets neither the note
// nor the first answer, this window's own, as someone else's. The plan's
// fault (a later change sent over an earlier one the store did not
// hold) has no counterpart here, as this guard holds.
func TestAnAnswerChangedOverItsKeptNoteKeepsTheNote(t *testing.T) {
	for _, kept := range []struct {
		name    string
		mode    int32
		records int
	}{
		{"note never reached", writeFailsWith, 2},                // yes, then partial with the note
		{"note recorded, its answer lost", writeThenFailWith, 3}, // yes, the note, then partial
	} {
		t.Run(kept.name, func(t *testing.T) {
			e := newEnv(t)
			a, _ := e.acmeAnsweredElsewhere()
			repo, changes, f := e.startFaulty(func(d *tui.Deps) { d.RetryAfter = time.Hour })
			f.waitFor("Acme Cloud Ltd")
			f.press("enter")
			f.waitFor("question 2 of 33")
			f.press("1")
			f.waitFor("question 3 of 33", "saved ✓")
			f.press("left")
			f.waitFor("question 2 of 33")
			repo.failWith.Store(unreached())
			repo.mode.Store(kept.mode)
			f.press("n")
			f.typeText("bridge letter due Friday")
			f.press("enter")
			f.waitFor("not saved: the answer to attestation: cannot reach")
			repo.mode.Store(writeNormally)
			f.press("2")
			f.waitFor("question 3 of 33", "saved ✓")
			f.waitGone("not saved")
			if s := f.screen(); strings.Contains(s, "keep theirs") || strings.Contains(s, "changed this answer") {
				t.Errorf("the window's own note met as someone else's:\n%s", s)
			}
			quitNothingUnsaved(t, f, changes)
			got := e.load(a.ID).Answers["attestation"]
			if !slices.Equal(got.Value.Choices, []string{"partial"}) || got.Note != "bridge letter due Friday" {
				t.Errorf("attestation stored as %s; want partial with the kept note", got.Describe())
			}
			if n := auditRecords(t, e.db, a.ID, "answer", "attestation"); n != kept.records {
				t.Errorf("%d records of the answer to attestation, want %d", n, kept.records)
			}
		})
	}
}
