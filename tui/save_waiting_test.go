package tui_test

import (
	"slices"
	"testing"
	"time"
)

// A save the database does not answer (the team server behind a network
// gone silent, which no error announces) said only "saving…" for the 25 s
// of its deadline, as a save that takes a moment does, while the analyst
// on a vendor call went on answering: nothing said that the answers were
// not reaching the server. Within a few seconds the status now names the
// write waiting and how many more are queued behind it; answering goes
// on; and once the database answers, they are saved and the note goes.
func TestASaveTheDatabaseDoesNotAnswerIsSaidToBeWaiting(t *testing.T) {
	e, a, repo, f := faultyInterview(t, time.Hour)
	repo.mode.Store(writeWaits)
	f.press("1")
	f.waitFor("question 3 of 33", "no answer from the database yet: the answer to attestation is not saved yet")
	f.press("1")
	f.waitFor("question 4 of 33", "no answer from the database yet: the answer to attestation and 1 more change are not saved yet")
	f.press("1")
	f.waitFor("question 5 of 33", "the answer to attestation and 2 more changes are not saved yet")
	repo.proceed()
	f.waitFor("saved ✓")
	f.waitGone("no answer from the database yet")
	f.quit()
	if got := unsaved(t, f); len(got) != 0 {
		t.Errorf("said not saved on the way out: %q", got)
	}
	e.reopen()
	got := e.load(a.ID).Answers
	for _, q := range []string{"attestation", "policy", "personnel"} {
		if c := got[q].Value.Choices; !slices.Equal(c, []string{"yes"}) {
			t.Errorf("%s stored as %v, want [yes]", q, c)
		}
	}
}
