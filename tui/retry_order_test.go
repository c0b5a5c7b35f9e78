package tui_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Changes to one plan item reach the store in the order they were given
// (tui/retry.go): a later change is made over the item as the earlier
// ones leave it, so it is never sent before an earlier one kept to make
// again is recorded or refused for good.

// keptBehindWords is what the status line says of a change kept behind
// an earlier one to its item that the server has not taken yet.
const keptBehindWords = "not sent: it goes after the earlier change to it, not saved yet"

// The change kept for retry (the server hung through the write and its
// three tries) was sent with the next change to the item, and failed
// again; the next one was sent anyway, over the kept one the store did
// not hold, and the workspace showed this window's own change as a
// colleague's conflict: "changed by someone at 0001-01-01 00:00:00 UTC
// … Theirs: open Yours: done". Now it is kept behind the failed one,
// both said not saved, and both go, in order, when the server answers.
func TestAPlanChangeGivenAfterAKeptOneThatFailsAgainIsKeptBehindIt(t *testing.T) {
	e, a, other, repo, changes, f := attestationOnThePlan(t, hungRetries)
	repo.deadlines.Store(5) // the write, its three tries, and its try sent with the next change
	f.press("s")
	f.waitFor("made again 3 times with no answer")
	f.press("s")
	f.waitFor("high     done", keptBehindWords, "(and 1 more)")
	if n := repo.deadlines.Load(); n != 0 {
		t.Errorf("%d writes still to wait out their deadline: the kept change was not sent with the next", n)
	}
	if s := f.screen(); strings.Contains(s, "keep theirs") || strings.Contains(s, "0001") {
		t.Errorf("the window's own change met as a conflict:\n%s", s)
	}
	// The server answers a read (a colleague's answer followed).
	other.answer(a.ID, "policy", "no", "")
	changes <- assess.Change{Seq: 6, Entries: 1}
	f.waitFor("saved ✓", "high     done")
	f.waitGone("not saved")
	quitAllSaved(t, e, a, changes, f, assess.ItemDone)
	// Each recorded, in order: in progress, then done.
	if n := auditRecords(t, e.db, a.ID, "plan", "attestation"); n != 2 {
		t.Errorf("%d records of attestation's item in the trail, want 2 (in progress, then done)", n)
	}
}

// An answer the server recorded though its answer never came back is
// kept to make again, and the analyst answers the question again before
// it is: the new answer was made over the answer as last seen stored
// (none), met the first, this window's own, as someone else's, and
// showed a conflict with the analyst's own name. It replaces the kept
// one, whole, and is now made over it when the store holds it.
func TestAnAnswerGivenAgainOverOneKeptThatWasRecordedAfterAllIsSaved(t *testing.T) {
	e, a, repo, changes, f := acmeOnAFaultyRepo(t)
	repo.failWith.Store(unreached())
	repo.mode.Store(writeThenFailWith)
	f.press("1")
	f.waitFor("question 2 of 33", "not saved: the answer to data-sensitivity: cannot reach")
	repo.mode.Store(writeNormally)
	f.press("left")
	f.waitFor("question 1 of 33")
	f.press("2")
	f.waitFor("question 2 of 33", "saved ✓")
	f.waitGone("not saved")
	if s := f.screen(); strings.Contains(s, "keep theirs") {
		t.Errorf("the window's own answer met as a conflict:\n%s", s)
	}
	quitNothingUnsaved(t, f, changes)
	if c := e.load(a.ID).Answers["data-sensitivity"].Value.Choices; !slices.Equal(c, []string{"personal"}) {
		t.Errorf("data-sensitivity stored as %v, want the second answer", c)
	}
}

// A colleague who sets the item's status while the two changes wait, one
// behind the other, is met as a conflict when they go, under the
// colleague's name and time, their value kept until the analyst chooses.
// (A colleague who sets what the two mean together, done, is not one:
// TestKeptPlanChangesEndingAtAColleaguesValueAreSaved.)
func TestAColleaguesChangeBeforeTwoKeptPlanChangesGoIsAConflict(t *testing.T) {
	e, a, other, repo, changes, f := attestationOnThePlan(t, hungRetries)
	repo.deadlines.Store(5) // the write, its three tries, and its try sent with the next change
	f.press("s")
	f.waitFor("made again 3 times with no answer")
	f.press("s")
	f.waitFor("high     done", keptBehindWords, "(and 1 more)")
	accept := assess.Acceptance{Approver: "CISO", Reason: "Audit booked", Expires: testToday.AddDays(90)}
	other.changePlanAs("Sam Ortiz", a.ID, "attestation", assess.PlanChange{Accept: accept})
	changes <- assess.Change{Seq: 6, Entries: 1}
	f.waitFor("Sam Ortiz changed the status of attestation", "Theirs: risk accepted", "K keep theirs")
	if s := f.screen(); strings.Contains(s, "0001") || strings.Contains(s, "Someone") {
		t.Errorf("the colleague's change shown without their name or time:\n%s", s)
	}
	if st := e.load(a.ID).PlanEdits["attestation"].Status; st != assess.ItemAccepted {
		t.Errorf("attestation's item stored as %q, want Sam's accepted, kept until the analyst chooses", st)
	}
	f.press("K")
	f.waitFor("risk accepted")
	f.waitGone("K keep theirs")
	quitAllSaved(t, e, a, changes, f, assess.ItemAccepted)
}

// The edit form opened on an item with a change kept (in progress) shows
// the item with it, and the status set there (done) is made over it: the
// form's change was made over the item as last seen stored (open), and
// when the kept one went first, as it does, it met the analyst's own
// change as someone else's.
func TestAPlanFormChangeGivenOverAKeptChangeIsMadeOverIt(t *testing.T) {
	e, a, _, changes, f := keptWhileFollowed(t)
	f.press("enter")
	f.waitFor("┃ Owner")
	f.press("enter")
	f.waitFor("┃ Due date")
	f.press("enter")
	f.waitFor("┃ Why the due date moved")
	f.press("enter")
	f.waitFor("┃ Status", "> in progress")
	f.press("down")
	f.waitFor("> done")
	f.press("enter")
	f.waitFor("┃ Action")
	f.press("enter")
	f.waitFor("saved ✓", "high     done")
	f.waitGone("not saved")
	if s := f.screen(); strings.Contains(s, "keep theirs") {
		t.Errorf("the window's own change met as a conflict:\n%s", s)
	}
	quitAllSaved(t, e, a, changes, f, assess.ItemDone)
}

// The answer kept after the retries (the server hung) is replaced, whole,
// by the one given again to its question: that one is sent alone, made
// over the answer stored, which the kept one never reached, and when it
// too gets no answer, it is kept, and made when the server answers. Only
// it is recorded, and no conflict is shown at any step.
func TestAnAnswerGivenAgainOverOneKeptAfterTheRetriesReplacesIt(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	other := e.otherWindow()
	repo, changes, f := e.startFaulty(hungRetries)
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 1 of 33")
	repo.deadlines.Store(5) // the answer, its three tries, and the answer given again
	f.press("1")
	f.waitFor("question 2 of 33", "made again 3 times with no answer")
	f.press("left")
	f.waitFor("question 1 of 33")
	f.press("2")
	// The kept answer's failure is said until the one given again ends:
	// that one's own failure is the one said once its deadline is spent.
	f.waitUntil("the answer given again sent, and not answered", func(s string) bool {
		return repo.deadlines.Load() == 0 && strings.Contains(s, "question 2 of 33") && strings.Contains(strings.Join(strings.Fields(s), " "), "made again 3 times")
	})
	if s := f.screen(); strings.Contains(s, "keep theirs") || strings.Contains(s, "(and 1 more)") {
		t.Errorf("the answer given again did not replace the kept one:\n%s", s)
	}
	other.answer(a.ID, "policy", "no", "")
	changes <- assess.Change{Seq: 4, Entries: 1}
	f.waitFor("saved ✓")
	f.waitGone("not saved")
	quitNothingUnsaved(t, f, changes)
	if c := e.load(a.ID).Answers["data-sensitivity"].Value.Choices; !slices.Equal(c, []string{"personal"}) {
		t.Errorf("data-sensitivity stored as %v, want the answer given again", c)
	}
	if n := auditRecords(t, e.db, a.ID, "answer", "data-sensitivity"); n != 1 {
		t.Errorf("%d records of the answer to data-sensitivity in the trail, want 1 (the answer given again)", n)
	}
}
