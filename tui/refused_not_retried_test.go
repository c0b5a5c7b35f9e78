package tui_test

import (
	"testing"

	"github.com/assay-dev/assay/assess"
)

// readOnlyServer is the store's refusal of a write by a team server that
// accepts no changes now (a standby, or in maintenance): it may accept
// them later, but nothing says when, and the workspace does not try again.
func readOnlyServer() error {
	return assess.Errorf(assess.EInternal, "the team database postgres://ana@db.example.org/privacy accepts no changes now (the server is read-only: a standby, or in maintenance); nothing was recorded")
}

// An answer a disk error kept from the database stayed on the screen,
// counted in the progress, until the assessment was next read, though
// nothing would write it again: an analyst reading 2/33 believed it
// made. Only a change that is made again (the server out of reach) is
// kept shown; this one is taken off, the question showing what the store
// holds, and the status line says what failed, so that it can be given
// again.
func TestAnAnswerADiskErrorKeptOutIsTakenOffTheScreen(t *testing.T) {
	_, _, repo, f := faultyInterview(t, 0)
	f.waitFor("1/33")
	repo.mode.Store(writeFails)
	f.press("1")
	f.waitFor("question 3 of 33", "not saved: the answer to attestation: disk I/O error", "1/33")
	f.quit()
	if got := unsaved(t, f); len(got) != 1 {
		t.Errorf("said on the way out: %q, want the answer the disk error kept out", got)
	}
}

// A plan change a read-only server refused (a standby during a failover)
// showed the status it would have set until the plan was next read; it
// is now taken off, the item shown as stored, and the refusal said.
func TestAPlanChangeARefusingServerKeptOutIsTakenOffTheScreen(t *testing.T) {
	f, repo := attestationOpenOnThePlan(t)
	repo.failWith.Store(readOnlyServer())
	repo.mode.Store(writeFailsWith)
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: the team database", "accepts no changes now", "high     open")
	f.waitGone("in progress")
	f.quit()
}
