package tui_test

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Kept plan changes to one item are a chain: each was made over the item
// as the one before it left it, in this window, and the server holds
// none of them. A colleague's value that happens to equal one of them
// says nothing about the others (docs/team.md, "Conflicts").

// threeStatusesKept steps attestation's item through in progress, done
// and open while the server is away: three changes kept, one behind the
// other.
func threeStatusesKept(t *testing.T) (*env, *assess.Assessment, *otherWindow, feed, *flow) {
	t.Helper()
	e, a, other, _, changes, f := attestationOnThePlan(t, nil)
	f.serverLost(changes)
	for _, shown := range []string{"high     in progress", "high     done", "high     open"} {
		f.press("s")
		f.waitFor(shown, "not saved: a change to plan item attestation")
	}
	return e, a, other, changes, f
}

// Sam sets the item done, the value the second kept change set and the
// third was made over. The second was taken as saved for its value, and
// the first went and met Sam's done as a conflict, while the third, made
// over the window's own done, went on its own and wrote open over Sam's
// done with no conflict said: the chain lost its middle, and a
// colleague's different value was replaced unawares. Now the first meets
// Sam's change as a conflict, the two after it wait behind it, and the
// analyst's choice is made for all three: O makes them, in order, over
// Sam's; K keeps Sam's status.
func TestKeptPlanChangesBehindAColleaguesEqualValueWaitForTheConflict(t *testing.T) {
	for _, choice := range []struct {
		key     string
		shown   []string
		stored  assess.ItemStatus
		records int
	}{
		// Sam's, then the analyst's three, in the order given.
		{"O", []string{"saved ✓", "high     open"}, assess.ItemOpen, 4},
		// Sam's only: the analyst's status given up, nothing written.
		{"K", []string{"high     done"}, assess.ItemDone, 1},
	} {
		t.Run(choice.key, func(t *testing.T) {
			e, a, other, changes, f := threeStatusesKept(t)
			other.setStatus(a.ID, "attestation", assess.ItemDone)
			f.serverBack(changes, assess.Change{Seq: 6, Entries: 1})
			f.waitFor("Sam Ortiz changed the status of attestation", "Theirs: done", "Yours:  open", "K keep theirs")
			if st := e.load(a.ID).PlanEdits["attestation"].Status; st != assess.ItemDone {
				t.Fatalf("attestation's item stored as %q while the conflict is shown, want Sam's done", st)
			}
			if s := f.screen(); strings.Contains(s, "0001") || strings.Contains(s, "Someone") {
				t.Errorf("the colleague's change shown without their name or time:\n%s", s)
			}
			f.press(choice.key)
			f.waitFor(choice.shown...)
			f.waitGone("keep theirs")
			f.waitGone("not saved")
			quitAllSaved(t, e, a, changes, f, choice.stored)
			if n := auditRecords(t, e.db, a.ID, "plan", "attestation"); n != choice.records {
				t.Errorf("%d records of attestation's item in the trail, want %d", n, choice.records)
			}
		})
	}
}

// Sam sets the item done, which is what the analyst's two kept changes
// (in progress, then done) mean it to be: the item holds what the
// analyst wanted, so nothing is sent and it is said saved. The first was
// sent and met Sam's done as a conflict ("Theirs: done Yours: done").
// The trail holds Sam's change, under Sam's name, and none of the
// analyst's: the server never had one of them.
func TestKeptPlanChangesEndingAtAColleaguesValueAreSaved(t *testing.T) {
	e, a, other, _, changes, f := attestationOnThePlan(t, nil)
	f.serverLost(changes)
	for _, shown := range []string{"high     in progress", "high     done"} {
		f.press("s")
		f.waitFor(shown, "not saved: a change to plan item attestation")
	}
	other.setStatus(a.ID, "attestation", assess.ItemDone)
	f.serverBack(changes, assess.Change{Seq: 6, Entries: 1})
	f.waitFor("high     done")
	f.waitGone("not saved")
	if s := f.screen(); strings.Contains(s, "keep theirs") {
		t.Errorf("the colleague's value, which the analyst meant too, shown as a conflict:\n%s", s)
	}
	quitAllSaved(t, e, a, changes, f, assess.ItemDone)
	if n := auditRecords(t, e.db, a.ID, "plan", "attestation"); n != 1 {
		t.Errorf("%d records of attestation's item in the trail, want 1 (Sam's)", n)
	}
}
