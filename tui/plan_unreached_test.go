package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The plan's changes take the same queue as answers: one the server
// never got is kept on the screen, made again once the watcher hears the
// server, over the item it was first made over, and said saved.

// setStatus sets the status of plan item key as Sam Ortiz, in the other
// window.
func (o *otherWindow) setStatus(id int64, key string, status assess.ItemStatus) {
	o.t.Helper()
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	if _, _, err := o.db.ChangePlanItem(ctx, id, key, assess.PlanChange{Status: status}, testToday); err != nil {
		o.t.Fatal(err)
	}
}

// inProgressNotReached sets attestation's item in progress on a write
// that fails as mode says (writeFailsWith: it never reached the server;
// writeThenFailWith: recorded, its answer lost on the way back), has the
// watcher lose the server, and lets writes through again.
func inProgressNotReached(repo *faultyRepo, changes feed, f *flow, mode int32) {
	f.t.Helper()
	repo.failWith.Store(unreached())
	repo.mode.Store(mode)
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: cannot reach", "high     in progress")
	f.serverLost(changes)
	repo.mode.Store(writeNormally)
}

// A plan change the server never got (the status of attestation's item,
// set on a call) stays on the plan through a read of the assessment (a
// colleague's answer arriving) and is written once the server is back.
func TestPlanChangesTheServerNeverGotAreKeptAndSavedWhenItIsBack(t *testing.T) {
	e, a, other, repo, changes, f := attestationOnThePlan(t, nil)
	repo.failWith.Store(unreached())
	repo.mode.Store(writeFailsWith)
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: cannot reach ana@db.example.org/privacy", "high     in progress")

	other.answer(a.ID, "policy", "no", "")
	changes <- assess.Change{Seq: 5, Entries: 1}
	f.waitFor("Sam Ortiz changed policy")
	if s := f.screen(); !strings.Contains(s, "high     in progress") || !strings.Contains(s, "not saved: a change to plan item attestation") {
		t.Errorf("the change not saved left the plan when the assessment was read again:\n%s", s)
	}

	f.serverLost(changes)
	repo.mode.Store(writeNormally)
	f.serverBack(changes, assess.Change{Seq: 6})
	f.waitFor("saved ✓", "high     in progress")
	f.waitGone("not saved")
	quitAllSaved(t, e, a, changes, f, assess.ItemInProgress)
}

// A plan change made again once the server is back is made over the
// item as it was first made over: a colleague who set the same field
// while the server was away for this window is met as a conflict, their
// value kept until the analyst chooses, not replaced unawares, also when
// the read of the assessment meant to come before it fails.
func TestAPlanChangeMadeAgainMeetsAColleaguesChangeAsAConflict(t *testing.T) {
	for _, back := range theReturns {
		t.Run(back.name, func(t *testing.T) {
			e, a, other, repo, changes, f := attestationOnThePlan(t, nil)
			inProgressNotReached(repo, changes, f, writeFailsWith)
			other.setStatus(a.ID, "attestation", assess.ItemDone)
			repo.failNextReads.Store(back.failedReads)
			f.serverBack(changes, assess.Change{Seq: 6, Entries: 1})
			f.waitFor("Sam Ortiz changed the status of attestation", "Theirs: done", "Yours:  in progress", "K keep theirs")
			f.quit()
			close(changes)
			if st := e.load(a.ID).PlanEdits["attestation"].Status; st != assess.ItemDone {
				t.Errorf("attestation's item stored as %q, want Sam's done, kept until the analyst chooses", st)
			}
		})
	}
}

// A plan change whose answer was lost on the way back (the server
// recorded it, then the connection went) is not written a second time
// once the server is back, and is no longer said to be not saved, also
// when the read of the assessment meant to come before it fails.
func TestAPlanChangeTheServerRecordedAfterAllIsNotWrittenTwice(t *testing.T) {
	for _, back := range theReturns {
		t.Run(back.name, func(t *testing.T) {
			e, a, _, repo, changes, f := attestationOnThePlan(t, nil)
			before := auditRecords(t, e.db, a.ID, "plan", "attestation")
			inProgressNotReached(repo, changes, f, writeThenFailWith)
			repo.failNextReads.Store(back.failedReads)
			f.serverBack(changes, assess.Change{Seq: 3})
			f.waitGone("not saved")
			f.waitFor("high     in progress")
			quitNothingUnsaved(t, f, changes)
			if n := auditRecords(t, e.db, a.ID, "plan", "attestation") - before; n != 1 {
				t.Errorf("%d audit records of the change to attestation's item, want 1", n)
			}
		})
	}
}

// A plan change made while the watcher says the server cannot be reached
// is not sent (it would wait out a write of its own): it is said at once
// as not sent, kept on the plan, and written, with the one after it, in
// order, once the server answers.
func TestAPlanChangeMadeWhileTheServerIsAwayIsHeldForItsReturn(t *testing.T) {
	e, a, _, repo, changes, f := attestationOnThePlan(t, nil)
	f.serverLost(changes)
	repo.mode.Store(writeHangs) // a write sent now would hang past the test's patience
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: not sent: the team database cannot be reached", "high     in progress")
	f.press("s")
	f.waitFor("(and 1 more)", "high     done")
	repo.mode.Store(writeNormally)
	f.serverBack(changes, assess.Change{Seq: 3})
	f.waitFor("saved ✓", "high     done")
	f.waitGone("not saved")
	quitAllSaved(t, e, a, changes, f, assess.ItemDone)
}
