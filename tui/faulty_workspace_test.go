package tui_test

import (
	"context"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/store"
	"github.com/assay-dev/assay/tui"
)

// The tests of changes that did not reach the server (save_unreached,
// plan_unreached, retry, retry_back) start from a workspace whose writes
// go through a faultyRepo and whose watcher is a feed the test writes
// to, and walk the same steps: the server lost, the server back, and
// nothing left said not saved on the way out.

// startFaulty opens the workspace over e's database with writes through
// the faultyRepo it returns and the feed it returns as the watcher;
// timing, when not nil, sets the deps' deadlines and retry delays first.
func (e *env) startFaulty(timing func(*tui.Deps)) (*faultyRepo, feed, *flow) {
	e.t.Helper()
	repo := newFaultyRepo(e.t, e.db)
	changes := make(feed)
	d := e.deps()
	d.Repo, d.Changes = repo, changes
	if timing != nil {
		timing(&d)
	}
	return repo, changes, e.startWith(d)
}

// attestationOnThePlan opens Acme's vendor screen, attestation answered
// no in another window (other, Sam Ortiz), on a faulty workspace, and
// goes to the plan, where attestation's item is open.
func attestationOnThePlan(t *testing.T, timing func(*tui.Deps)) (*env, *assess.Assessment, *otherWindow, *faultyRepo, feed, *flow) {
	t.Helper()
	e := newEnv(t)
	a, other := e.acmeAnsweredElsewhere()
	other.answer(a.ID, "attestation", "no", "")
	repo, changes, f := e.startFaulty(timing)
	f.toAcmeAttestation()
	return e, a, other, repo, changes, f
}

// acmeOnAFaultyRepo opens a new vendor screen for Acme at its first
// question on a faulty workspace.
func acmeOnAFaultyRepo(t *testing.T) (*env, *assess.Assessment, *faultyRepo, feed, *flow) {
	t.Helper()
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	repo, changes, f := e.startFaulty(nil)
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 1 of 33")
	return e, a, repo, changes, f
}

// serverLost has the watcher lose the server, as it does when the
// network goes, and waits for the workspace to say so.
func (f *flow) serverLost(changes feed) {
	f.t.Helper()
	changes <- assess.Change{Lost: "the team database cannot be reached"}
	f.waitFor("not following others' changes")
}

// serverBack has the watcher hear the server again with change c and
// waits for the workspace to follow it again.
func (f *flow) serverBack(changes feed, c assess.Change) {
	f.t.Helper()
	changes <- c
	f.waitGone("not following others' changes")
}

// quitNothingUnsaved quits, finding nothing said not saved on the way
// out, and ends the watcher's feed.
func quitNothingUnsaved(t *testing.T, f *flow, changes feed) {
	t.Helper()
	f.quit()
	if got := unsaved(t, f); len(got) != 0 {
		t.Errorf("said not saved on the way out: %q", got)
	}
	close(changes)
}

// auditRecords counts the audit records in db of kind ("answer",
// "plan") of target (a question or a plan item).
func auditRecords(t *testing.T, db *store.DB, id int64, kind, target string) int {
	t.Helper()
	events, err := db.Events(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ev := range events {
		if ev.Kind == kind && ev.Target == target {
			n++
		}
	}
	return n
}

// theReturns are the two reads a kept change can come back to when the
// server answers again: one that succeeds, and one that fails (the
// server gone again for a moment), after which the change must still
// not be sent blind over what the server holds.
var theReturns = []struct {
	name        string
	failedReads int32
}{
	{"read after the return", 0},
	{"read after the return fails", 1},
}
