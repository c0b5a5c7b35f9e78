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

// attestationOnThePlanFollowed opens Acme's vendor screen, attestation
// answered no in another window (other, Sam Ortiz), on a workspace whose
// writes can be made to fail and whose watcher is the feed changes, and
// goes to the plan, where attestation's item is open.
func attestationOnThePlanFollowed(t *testing.T) (*env, *assess.Assessment, *otherWindow, *faultyRepo, feed, *flow) {
	t.Helper()
	e := newEnv(t)
	a, other := e.acmeAnsweredElsewhere()
	other.answer(a.ID, "attestation", "no", "")
	repo := newFaultyRepo(t, e.db)
	changes := make(feed)
	d := e.deps()
	d.Repo, d.Changes = repo, changes
	f := e.startWith(d)
	f.toAcmeAttestation()
	return e, a, other, repo, changes, f
}

// setStatus sets the status of plan item key as Sam Ortiz, in the other
// window.
func (o *otherWindow) setStatus(id int64, key string, status assess.ItemStatus) {
	o.t.Helper()
	ctx := assess.WithActor(context.Background(), "Sam Ortiz")
	if _, _, err := o.db.ChangePlanItem(ctx, id, key, assess.PlanChange{Status: status}, testToday); err != nil {
		o.t.Fatal(err)
	}
}

// planRecords counts the audit records of changes to plan item key.
func planRecords(t *testing.T, e *env, id int64, key string) int {
	t.Helper()
	events, err := e.db.Events(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ev := range events {
		if ev.Kind == "plan" && ev.Target == key {
			n++
		}
	}
	return n
}

// A plan change the server never got (the status of attestation's item,
// set on a call) stays on the plan through a read of the assessment (a
// colleague's answer arriving) and is written once the server is back.
func TestPlanChangesTheServerNeverGotAreKeptAndSavedWhenItIsBack(t *testing.T) {
	e, a, other, repo, changes, f := attestationOnThePlanFollowed(t)
	repo.failWith.Store(unreached())
	repo.mode.Store(writeFailsWith)
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: cannot reach ana@db.example.org/privacy", "high     in-progress")

	other.answer(a.ID, "policy", "no", "")
	changes <- assess.Change{Seq: 5, Entries: 1}
	f.waitFor("Sam Ortiz changed policy")
	if s := f.screen(); !strings.Contains(s, "high     in-progress") || !strings.Contains(s, "not saved: a change to plan item attestation") {
		t.Errorf("the change not saved left the plan when the assessment was read again:\n%s", s)
	}

	changes <- assess.Change{Lost: "the team database cannot be reached"}
	f.waitFor("not following others' changes")
	repo.mode.Store(writeNormally)
	changes <- assess.Change{Seq: 6}
	f.waitGone("not following others' changes")
	f.waitFor("saved ✓", "high     in-progress")
	f.waitGone("not saved")
	f.quit()
	if got := unsaved(t, f); len(got) != 0 {
		t.Errorf("said not saved on the way out: %q", got)
	}
	close(changes)
	if st := e.load(a.ID).PlanEdits["attestation"].Status; st != assess.ItemInProgress {
		t.Errorf("attestation's item stored as %q, want in-progress", st)
	}
}

// A plan change made again once the server is back is made over the
// item as it was first made over: a colleague who set the same field
// while the server was away for this window is met as a conflict, their
// value kept until the analyst chooses, not replaced unawares.
func TestAPlanChangeMadeAgainMeetsAColleaguesChangeAsAConflict(t *testing.T) {
	e, a, other, repo, changes, f := attestationOnThePlanFollowed(t)
	repo.failWith.Store(unreached())
	repo.mode.Store(writeFailsWith)
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: cannot reach", "high     in-progress")

	changes <- assess.Change{Lost: "the team database cannot be reached"}
	f.waitFor("not following others' changes")
	other.setStatus(a.ID, "attestation", assess.ItemDone)
	repo.mode.Store(writeNormally)
	changes <- assess.Change{Seq: 6, Entries: 1}
	f.waitGone("not following others' changes")
	f.waitFor("Sam Ortiz changed the status of attestation", "Theirs: done", "Yours:  in-progress", "K keep theirs")
	f.quit()
	close(changes)
	if st := e.load(a.ID).PlanEdits["attestation"].Status; st != assess.ItemDone {
		t.Errorf("attestation's item stored as %q, want Sam's done, kept until the analyst chooses", st)
	}
}

// A plan change whose answer was lost on the way back (the server
// recorded it, then the connection went) is not written a second time
// once the server is back, and is no longer said to be not saved.
func TestAPlanChangeTheServerRecordedAfterAllIsNotWrittenTwice(t *testing.T) {
	e, a, _, repo, changes, f := attestationOnThePlanFollowed(t)
	before := planRecords(t, e, a.ID, "attestation")
	repo.failWith.Store(unreached())
	repo.mode.Store(writeThenFailWith)
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: cannot reach", "high     in-progress")
	changes <- assess.Change{Lost: "the team database cannot be reached"}
	f.waitFor("not following others' changes")
	repo.mode.Store(writeNormally)
	changes <- assess.Change{Seq: 3}
	f.waitGone("not following others' changes")
	f.waitGone("not saved")
	f.waitFor("high     in-progress")
	f.quit()
	if got := unsaved(t, f); len(got) != 0 {
		t.Errorf("said not saved on the way out: %q", got)
	}
	close(changes)
	if n := planRecords(t, e, a.ID, "attestation") - before; n != 1 {
		t.Errorf("%d audit records of the change to attestation's item, want 1", n)
	}
}

// A plan change made while the watcher says the server cannot be reached
// is not sent (it would wait out a write of its own): it is said at once
// as not sent, kept on the plan, and written, with the one after it, in
// order, once the server answers.
func TestAPlanChangeMadeWhileTheServerIsAwayIsHeldForItsReturn(t *testing.T) {
	e, a, _, repo, changes, f := attestationOnThePlanFollowed(t)
	changes <- assess.Change{Lost: "the team database cannot be reached"}
	f.waitFor("not following others' changes")
	repo.mode.Store(writeHangs) // a write sent now would hang past the test's patience
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: not sent: the team database cannot be reached", "high     in-progress")
	f.press("s")
	f.waitFor("(and 1 more)", "high     done")
	repo.mode.Store(writeNormally)
	changes <- assess.Change{Seq: 3}
	f.waitFor("saved ✓", "high     done")
	f.waitGone("not saved")
	f.quit()
	if got := unsaved(t, f); len(got) != 0 {
		t.Errorf("said not saved on the way out: %q", got)
	}
	close(changes)
	if st := e.load(a.ID).PlanEdits["attestation"].Status; st != assess.ItemDone {
		t.Errorf("attestation's item stored as %q, want done, the last change given", st)
	}
}
