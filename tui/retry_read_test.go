package tui_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A server that accepts and never answers, rather than refuses: the read
// of the open assessment that comes before the kept changes are made
// again (retry.go) had no deadline, so no retry came until the server
// answered, and the status line said nothing of it. The read now has the
// write's own deadline (Deps.SaveTimeout, and a quarter more for a store
// deaf to it), the status line says the server did not answer it, and
// the kept changes are made again, each finding out for itself.
func TestAHungReadBeforeARetryIsGivenUpAndSaid(t *testing.T) {
	for _, hang := range []struct {
		name  string
		hold  func(r *faultyRepo, id int64)
		words string
	}{
		{"read deaf to its deadline", func(r *faultyRepo, id int64) { r.heldReads.Store(id) },
			"#1 Acme Cloud Ltd was not read again: no answer from the database within 6.25s"},
		{"read that returns at its deadline", func(r *faultyRepo, id int64) { r.readsTillDeadline.Store(id) },
			"#1 Acme Cloud Ltd was not read again: the database did not answer within 5s"},
	} {
		t.Run(hang.name, func(t *testing.T) {
			e, a, _, repo, changes, f := attestationOnThePlan(t, hungRetries)
			repo.failWith.Store(unreached())
			repo.mode.Store(writeFailsWith)
			hang.hold(repo, a.ID)
			f.press("s")
			// The change fails, its retry's read hangs and is given up,
			// and the change, made again, fails again: both said.
			f.waitFor(hang.words, "not saved: a change to plan item attestation: cannot reach", "high     in progress")
			repo.mode.Store(writeNormally)
			repo.letReads()
			f.waitFor("saved ✓", "high     in progress")
			f.waitGone("not saved")
			f.waitGone("not read again")
			quitAllSaved(t, e, a, changes, f, assess.ItemInProgress)
			if n := auditRecords(t, e.db, a.ID, "plan", "attestation"); n != 1 {
				t.Errorf("%d records of attestation's item in the trail, want 1", n)
			}
		})
	}
}
