package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// A change kept to be made again is made again at a moment the workspace
// knows of, and changes reach the server in the order they were given
// (tui/retry.go).

// Assessment reads as the store does, but a read of the assessment
// heldReads is held until letReads, and every read fails while failReads
// (the server gone again as it was being read), as do the next
// failNextReads reads (gone for a moment).
func (f *faultyRepo) Assessment(ctx context.Context, id int64) (*assess.Assessment, error) {
	if f.heldReads.Load() == id {
		f.reads.hold("the assessment")
	}
	if f.readsTillDeadline.Load() == id {
		if err := f.reads.holdWithin(ctx, "the assessment"); err != nil {
			return nil, err
		}
	}
	if f.failReads.Load() {
		return nil, unreached()
	}
	for n := f.failNextReads.Load(); n > 0; n = f.failNextReads.Load() {
		if f.failNextReads.CompareAndSwap(n, n-1) {
			return nil, unreached()
		}
	}
	return f.Repository.Assessment(ctx, id)
}

// realWriteDeadline is the write deadline of a test whose writes hang
// until it and then must succeed: the hung ones wait the whole of it, but
// so long is for the real writes after them. A plan change made again
// (read back, then written) took up to 0.8 s under -race with GOMAXPROCS=1
// at a load of 20; with a 1 s deadline it once ran out (1 run in 3 at a
// load of 22), failed again, and the next change met it as someone
// else's conflict.
const realWriteDeadline = 5 * time.Second

// hungRetries gives a write realWriteDeadline before it is given up as
// hung and makes the workspace's own tries at once, so that the three
// tries are spent within the test.
func hungRetries(d *tui.Deps) { d.SaveTimeout, d.RetryAfter = realWriteDeadline, time.Millisecond }

// quitAllSaved quits, finding nothing said not saved, and checks the
// status attestation's item is stored with.
func quitAllSaved(t *testing.T, e *env, a *assess.Assessment, changes feed, f *flow, want assess.ItemStatus) {
	t.Helper()
	quitNothingUnsaved(t, f, changes)
	if st := e.load(a.ID).PlanEdits["attestation"].Status; st != want {
		t.Errorf("attestation's item stored as %q, want %q", st, want)
	}
}

// The server is back, and before the assessment is read again the
// analyst sets the item done. Sent at once, that change was made over
// the kept one (in progress), which the store did not hold yet: it met
// this window's own unsent change as a colleague's conflict, and the
// kept one, made again after the read, wrote in progress over done. Now
// it waits for the kept one, and both go in the order given.
func TestAPlanChangeGivenAsTheServerReturnsGoesAfterTheOneKept(t *testing.T) {
	e, a, _, repo, changes, f := attestationOnThePlan(t, nil)
	inProgressNotReached(repo, changes, f, writeFailsWith)
	repo.heldReads.Store(a.ID)
	f.serverBack(changes, assess.Change{Seq: 6})
	f.press("s")
	f.waitFor("high     done")
	repo.letReads()
	f.waitFor("saved ✓", "high     done")
	f.waitGone("not saved")
	if s := f.screen(); strings.Contains(s, "keep theirs") {
		t.Errorf("the window's own change met as a conflict:\n%s", s)
	}
	quitAllSaved(t, e, a, changes, f, assess.ItemDone)
}

// The read that comes before the kept changes are made again fails (the
// server went again as it was read, or the read was refused): they were
// left for the watcher's next change, which may never come.
func TestAPlanChangeKeptIsMadeAgainWhenTheReadAfterTheReturnFails(t *testing.T) {
	e, a, _, repo, changes, f := attestationOnThePlan(t, nil)
	inProgressNotReached(repo, changes, f, writeFailsWith)
	repo.failReads.Store(true)
	f.serverBack(changes, assess.Change{Seq: 6})
	f.waitFor("saved ✓", "high     in progress")
	f.waitGone("not saved")
	repo.failReads.Store(false)
	quitAllSaved(t, e, a, changes, f, assess.ItemInProgress)
}

// The analyst opens another assessment before the one with the kept
// change is read again: that read, arriving on another assessment, was
// dropped, and with it the change's retry.
func TestAPlanChangeKeptIsMadeAgainWhenAnotherAssessmentIsOpenedFirst(t *testing.T) {
	e := newEnv(t)
	e.create("vendor-security-screen", "Zenith Payroll")
	a, other := e.acmeAnsweredElsewhere()
	other.answer(a.ID, "attestation", "no", "")
	repo, changes, f := e.startFaulty(nil)
	f.waitFor("2 of 2")
	f.press("s") // by subject: Acme, Zenith
	f.waitFor("sorted by subject", "▸ 2  Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 3 of 33")
	f.press("tab", "tab")
	f.waitFor("attestation", "high     open")
	inProgressNotReached(repo, changes, f, writeFailsWith)

	repo.heldReads.Store(a.ID)
	f.serverBack(changes, assess.Change{Seq: 6})
	f.press("esc")
	f.waitFor("▸ 2  Acme Cloud Ltd")
	f.press("down")
	f.waitFor("▸ 1  Zenith Payroll")
	f.press("enter")
	f.waitFor("Zenith Payroll", "question 1 of 33", "not saved: a change to plan item attestation")
	repo.letReads()
	f.waitFor("Zenith Payroll", "saved ✓")
	f.waitGone("not saved")
	quitAllSaved(t, e, a, changes, f, assess.ItemInProgress)
}

// A write that waited out its deadline while the watcher still heard the
// server (a disk or server that hung, then recovered) was kept on the
// screen as to be made again, and nothing ever made it again: no word of
// a return comes for a server never lost.
func TestAPlanChangeThatTimedOutIsMadeAgainOnItsOwn(t *testing.T) {
	e, a, _, repo, changes, f := attestationOnThePlan(t, hungRetries)
	repo.deadlines.Store(1)
	f.press("s")
	f.waitFor("saved ✓", "high     in progress")
	quitAllSaved(t, e, a, changes, f, assess.ItemInProgress)
	if n := repo.deadlines.Load(); n != 0 {
		t.Errorf("%d writes still to wait out their deadline: the change never timed out", n)
	}
}

// When the tries the workspace makes of its own are spent (the server
// still hung), the status line says so, and when the change goes next:
// with the next one given, which sends it first.
func TestAPlanChangeStillNotAnsweredAfterTheRetriesSaysWhenItGoes(t *testing.T) {
	e, a, _, repo, changes, f := attestationOnThePlan(t, hungRetries)
	repo.deadlines.Store(4) // the write and its three tries
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation", "made again 3 times with no answer: it is sent again with your next change", "high     in progress")
	f.press("s")
	f.waitFor("saved ✓", "high     done")
	quitAllSaved(t, e, a, changes, f, assess.ItemDone)
}
