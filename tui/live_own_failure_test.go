package tui_test

import (
	"strings"
	"testing"
)

// A change of this window's that the store did not take (a login revoked
// while the workspace was open, the server restarting) shows until the
// portfolio is read again, which puts back what the store holds. That is
// no change of anyone else's: the line about others' changes named it as
// "changed elsewhere: plan item attestation (status)" for a status this
// window had tried to set, and the same for an answer, beside the real
// change that made the workspace read again.
func TestOwnFailedChangesAreNotOthers(t *testing.T) {
	e := newEnv(t)
	a, other := e.acmeAnsweredElsewhere()
	other.answer(a.ID, "attestation", "no", "")
	other.answer(a.ID, "policy", "no", "")
	f, repo := e.watchingWithFaultyRepo()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 4 of 33")
	f.press("left")
	f.waitFor("question 3 of 33")
	repo.mode.Store(writeFails)
	f.press("1")
	f.waitFor("not saved: the answer to policy: disk I/O error")
	f.press("tab", "tab")
	f.waitFor("attestation", "high     open")
	f.press("s")
	f.waitFor("not saved: a change to plan item attestation: disk I/O error")
	repo.mode.Store(writeNormally)
	other.answer(a.ID, "personnel", "yes", "")
	f.waitFor("Sam Ortiz changed personnel", "high     open")
	if s := f.screen(); strings.Contains(s, "elsewhere") || strings.Contains(s, "changed policy") {
		t.Errorf("this window's failed changes, undone, are said to be others':\n%s", s)
	}
	f.quit()
}
