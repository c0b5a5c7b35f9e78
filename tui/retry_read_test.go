package tui_test

import (
	"context"
	"slices"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A kept change is made again over what the server holds when it is
// made again, whichever way the retry comes: when the read of the
// assessment meant to come before it fails (the server gone again for a
// moment), it is not sent blind.

// A colleague answered attestation while the server was away for this
// window: the kept answer, made again after a failed read, meets theirs
// as a conflict shown with their value, and their answer stays stored.
func TestAnAnswerKeptMeetsAColleaguesAnswerWhenTheReadAfterTheReturnFails(t *testing.T) {
	e, a, other, repo, changes, f := attestationNotReached(t)
	changes <- assess.Change{Lost: "the team database cannot be reached"}
	f.waitFor("not following others' changes")
	other.answer(a.ID, "attestation", "no", "report lapsed")
	repo.mode.Store(writeNormally)
	repo.failNextReads.Store(1)
	changes <- assess.Change{Seq: 6, Entries: 1}
	f.waitGone("not following others' changes")
	f.press("left")
	f.waitFor("question 2 of 33", "Sam Ortiz changed this answer at", `Theirs: no (note "report lapsed")`, "O overwrite")
	f.quit()
	close(changes)
	e.reopen()
	if c := e.load(a.ID).Answers["attestation"].Value.Choices; !slices.Equal(c, []string{"no"}) {
		t.Errorf("attestation stored as %v, want Sam's [no], kept until the analyst chooses", c)
	}
}

// The same for a plan change and a colleague's status.
func TestAPlanChangeKeptMeetsAColleaguesChangeWhenTheReadAfterTheReturnFails(t *testing.T) {
	e, a, other, repo, changes, f := attestationOnThePlanFollowed(t)
	repo.failWith.Store(unreached())
	repo.mode.Store(writeFailsWith)
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: cannot reach", "high     in-progress")
	changes <- assess.Change{Lost: "the team database cannot be reached"}
	f.waitFor("not following others' changes")
	other.setStatus(a.ID, "attestation", assess.ItemDone)
	repo.mode.Store(writeNormally)
	repo.failNextReads.Store(1)
	changes <- assess.Change{Seq: 6, Entries: 1}
	f.waitGone("not following others' changes")
	f.waitFor("Sam Ortiz changed the status of attestation", "Theirs: done", "Yours:  in-progress", "K keep theirs")
	f.quit()
	close(changes)
	if st := e.load(a.ID).PlanEdits["attestation"].Status; st != assess.ItemDone {
		t.Errorf("attestation's item stored as %q, want Sam's done, kept until the analyst chooses", st)
	}
}

// The server recorded the answer, its reply lost on the way back, and
// the read that would have found it failed: the answer was written a
// second time, two audit records of one answer. Made again, a write
// first asks what the server holds.
func TestAnAnswerRecordedAfterAllIsNotWrittenTwiceWhenTheReadAfterTheReturnFails(t *testing.T) {
	e, a, repo, changes, f := acmeOnAFaultyRepo(t)
	repo.failWith.Store(unreached())
	repo.mode.Store(writeThenFailWith)
	f.press("1")
	f.waitFor("question 2 of 33", "not saved: the answer to data-sensitivity: cannot reach")
	changes <- assess.Change{Lost: "the team database cannot be reached"}
	f.waitFor("not following others' changes")
	repo.mode.Store(writeNormally)
	repo.failNextReads.Store(1)
	changes <- assess.Change{Seq: 3}
	f.waitGone("not following others' changes")
	f.waitGone("not saved")
	f.quit()
	if got := unsaved(t, f); len(got) != 0 {
		t.Errorf("said not saved on the way out: %q", got)
	}
	close(changes)
	events, err := e.db.Events(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ev := range events {
		if ev.Kind == "answer" && ev.Target == "data-sensitivity" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d audit records of the answer to data-sensitivity, want 1", n)
	}
}

// The same for a plan change.
func TestAPlanChangeRecordedAfterAllIsNotWrittenTwiceWhenTheReadAfterTheReturnFails(t *testing.T) {
	e, a, _, repo, changes, f := attestationOnThePlanFollowed(t)
	before := planRecords(t, e, a.ID, "attestation")
	repo.failWith.Store(unreached())
	repo.mode.Store(writeThenFailWith)
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: cannot reach", "high     in-progress")
	changes <- assess.Change{Lost: "the team database cannot be reached"}
	f.waitFor("not following others' changes")
	repo.mode.Store(writeNormally)
	repo.failNextReads.Store(1)
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
