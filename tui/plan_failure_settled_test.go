package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

func (f *faultyRepo) ChangePlanItem(ctx context.Context, id int64, key string, ch assess.PlanChange, today assess.Date) (assess.PlanEdit, bool, error) {
	if f.mode.Load() == writeThenFailWith {
		if _, _, err := f.Repository.ChangePlanItem(ctx, id, key, ch, today); err != nil {
			return assess.PlanEdit{}, false, err
		}
		return assess.PlanEdit{}, false, f.failWith.Load().(error)
	}
	if err := f.fault(ctx); err != nil {
		return assess.PlanEdit{}, false, err
	}
	return f.Repository.ChangePlanItem(ctx, id, key, ch, today)
}

// A plan change that failed (the server restarting) and was then made
// again, and saved, is no longer said to be not saved: the item holds
// what it would have set. Before, "not saved: a change to plan item …"
// stayed on the status line over every later save, and was listed again
// on the way out, for a change the database held.
func TestAPlanChangeMadeAgainSettlesItsFailure(t *testing.T) {
	e := newEnv(t)
	a, other := e.acmeAnsweredElsewhere()
	other.answer(a.ID, "attestation", "no", "")
	f, repo := e.watchingWithFaultyRepo()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 3 of 33")
	f.press("tab", "tab")
	f.waitFor("attestation")
	repo.mode.Store(writeFails)
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: disk I/O error")
	repo.mode.Store(writeNormally)
	// Another window's answer: the plan is read again, the item as stored.
	other.answer(a.ID, "policy", "yes", "")
	// The plan read again shows the item as stored (open, the failed
	// change not made): waited for, not slept on, so that s acts on the
	// item read again however slow the machine. Nobody changed the item:
	// this window's change failed (TestOwnFailedChangesAreNotOthers).
	f.waitFor("Sam Ortiz changed policy", "high     open")
	if s := f.screen(); strings.Contains(s, "changed elsewhere") {
		t.Errorf("the failed change undone is said to be someone else's:\n%s", s)
	}
	f.press("s")
	for deadline := time.Now().Add(screenWait); e.load(a.ID).PlanEdits["attestation"].Status != assess.ItemInProgress; time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the change made again was not stored:\n%s", f.screen())
		}
	}
	f.waitFor("saved ✓")
	if s := f.screen(); strings.Contains(s, "not saved") {
		t.Errorf("the failure of a change the item now holds is still said:\n%s", s)
	}
	f.quit()
	if got := unsaved(t, f); len(got) != 0 {
		t.Errorf("said on the way out as not saved: %q", got)
	}
}
