package tui_test

import (
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// refusedForTheRole is the store's refusal of a write by a login that
// lost the analyst role: no retry lifts it (assess.EInvalid).
func refusedForTheRole() error {
	return assess.Errorf(assess.EInvalid, "login ana may not answer questions (it has auditor); nothing was recorded. An owner grants roles with assay team grant")
}

// An answer the store refused for good (the login's role taken away
// while the interview was open) stayed on the screen as given, and the
// progress counted it as answered, though the status line said it was
// not saved: an analyst reading the screen believed it made. The
// question now shows what the store holds, unanswered, while the status
// line still says what was refused.
func TestAnAnswerRefusedForGoodIsTakenOffTheScreen(t *testing.T) {
	_, _, repo, f := faultyInterview(t, 0)
	f.waitFor("1/33")
	repo.failWith.Store(refusedForTheRole())
	repo.mode.Store(writeFailsWith)
	f.press("1")
	f.waitFor("question 3 of 33", "not saved: the answer to attestation: login ana may not answer questions", "1/33")
	f.quit()
	if got := unsaved(t, f); len(got) != 1 {
		t.Errorf("said on the way out: %q, want the refused answer", got)
	}
}

// A plan change the store refused for good (the assessment approved and
// locked by a colleague meanwhile) showed the item with the status it
// would have set until the plan was next read: the row said in-progress
// beside "not saved". The row now shows the item as the store holds it.
func TestAPlanChangeRefusedForGoodIsTakenOffTheScreen(t *testing.T) {
	f, repo := attestationOpenOnThePlan(t)
	repo.failWith.Store(assess.Errorf(assess.ELocked, "assessment 1 is approved and locked; nothing was recorded"))
	repo.mode.Store(writeFailsWith)
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: assessment 1 is approved and locked", "high     open")
	f.waitGone("in progress")
	f.quit()
}

// A plan change the server never got stays on the screen, to be made
// again once it answers, when a later change to the same item is
// refused for good: only the refused change is taken off. The later
// change sends the kept one first, at once, not at its schedule's tick
// (retry.go): the kept one still finds no server, and the later one is
// refused. The item shows the status the first s set (in-progress), not
// the second's (done), nor the stored one (open).
func TestAPlanChangeRefusedForGoodLeavesTheOneNotReachedShown(t *testing.T) {
	e := newEnv(t)
	a, other := e.acmeAnsweredElsewhere()
	other.answer(a.ID, "attestation", "no", "")
	repo := newFaultyRepo(t, e.db)
	d := e.watchingDeps()
	d.Repo = repo
	d.RetryAfter = time.Hour // made again with the later change, not on the schedule
	f := e.startWith(d)
	f.toAcmeAttestation()
	repo.failWith.Store(unreached())
	repo.mode.Store(writeFailsWith)
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: cannot reach", "high     in progress")
	locked := assess.Errorf(assess.ELocked, "assessment 1 is approved and locked; nothing was recorded")
	repo.scriptMu.Lock()
	repo.script = []error{unreached(), locked}
	repo.scriptMu.Unlock()
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: assessment 1 is approved and locked", "(and 1 more)", "high     in progress")
	f.quit()
}

// attestationOpenOnThePlan opens Acme's vendor screen, attestation
// answered no in another window, on a workspace whose writes can be made
// to fail, and goes to the plan, where attestation's item is open.
func attestationOpenOnThePlan(t *testing.T) (*flow, *faultyRepo) {
	t.Helper()
	e := newEnv(t)
	a, other := e.acmeAnsweredElsewhere()
	other.answer(a.ID, "attestation", "no", "")
	f, repo := e.watchingWithFaultyRepo()
	f.toAcmeAttestation()
	return f, repo
}
