package tui_test

import (
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// A kept change waits for its scheduled retry (10, 20, 40 s) only while
// nothing says the server answers: once a write or a read goes through,
// or the analyst gives another change to the same item, the kept changes
// go at once, in the order they were given.

// keptWhileFollowed sets attestation's plan item in progress on a write
// the server never got while the watcher still follows it: the change is
// kept, with its retry scheduled an hour on (so that nothing in the test
// comes from the schedule), and the server answers again.
func keptWhileFollowed(t *testing.T) (*env, *assess.Assessment, *otherWindow, feed, *flow) {
	t.Helper()
	e, a, other, repo, changes, f := attestationOnThePlan(t, func(d *tui.Deps) { d.RetryAfter = time.Hour })
	repo.failWith.Store(unreached())
	repo.mode.Store(writeFailsWith)
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: cannot reach", "high     in progress")
	repo.mode.Store(writeNormally)
	return e, a, other, changes, f
}

// An answer given on the interview is saved: the server answers, and the
// kept plan change went on waiting for its schedule, said not saved.
func TestAKeptChangeGoesOnceAnotherChangeIsSaved(t *testing.T) {
	e, a, _, changes, f := keptWhileFollowed(t)
	f.press("shift+tab", "shift+tab")
	f.waitFor("question 3 of 33")
	f.press("1")
	f.waitFor("question 4 of 33", "saved ✓")
	f.waitGone("not saved")
	quitAllSaved(t, e, a, changes, f, assess.ItemInProgress)
	if c := e.load(a.ID).Answers["policy"].Value.Choices; len(c) != 1 || c[0] != "yes" {
		t.Errorf("policy stored as %v, want [yes]", c)
	}
}

// The analyst sets the item done: that change was held behind the kept
// one's schedule, both said not written. Now the kept one goes at once
// and the new one after it, in the order given.
func TestAChangeToAKeptItemSendsTheKeptOneAtOnce(t *testing.T) {
	e, a, _, changes, f := keptWhileFollowed(t)
	f.press("s")
	f.waitFor("saved ✓", "high     done")
	f.waitGone("not saved")
	quitAllSaved(t, e, a, changes, f, assess.ItemDone)
}

// The retries the workspace makes of its own are spent (the server
// hung), and then a colleague's answer is read: the server answers, and
// the kept change, left for the next change given, went on waiting.
func TestAKeptChangeGoesWhenAReadSucceedsAfterTheRetriesAreSpent(t *testing.T) {
	e, a, other, repo, changes, f := attestationOnThePlan(t, hungRetries)
	repo.deadlines.Store(4) // the write and its three tries
	f.press("s")
	f.waitFor("made again 3 times with no answer")
	other.answer(a.ID, "policy", "no", "")
	changes <- assess.Change{Seq: 6, Entries: 1}
	f.waitFor("saved ✓", "high     in progress")
	f.waitGone("not saved")
	quitAllSaved(t, e, a, changes, f, assess.ItemInProgress)
}
