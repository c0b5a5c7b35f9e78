package tui_test

import (
	"testing"
	"time"
)

// Opening an assessment read it with no deadline: on a server that
// accepts and never answers, enter left the home screen waiting for as
// long, the keys typed meanwhile kept, and nothing said. The read has a
// write's deadline (withinDeadline): given up, the status line says it
// could not be opened and why, and enter, once the server answers,
// opens it.
func TestAHungReadOfAnAssessmentOpenedIsGivenUpAndSaid(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	repo := newFaultyRepo(t, e.db)
	d := e.deps()
	d.Repo, d.SaveTimeout = repo, time.Second
	f := e.startWith(d)
	f.waitFor("Acme Cloud Ltd")
	repo.heldReads.Store(a.ID)
	f.press("enter")
	f.waitFor("could not open: no answer from the database within 1.25s", "Acme Cloud Ltd")
	repo.heldReads.Store(0)
	f.press("enter")
	f.waitFor("[Interview]", "question 1 of 33")
	f.quit()
}
