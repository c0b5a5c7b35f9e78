package tui_test

import (
	"context"
	"errors"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// feed is a watcher the test drives: each change sent is the next one
// Next reports.
type feed chan assess.Change

func (f feed) Next(ctx context.Context) (assess.Change, error) {
	select {
	case ch, ok := <-f:
		if !ok {
			return assess.Change{}, errors.New("closed")
		}
		return ch, nil
	case <-ctx.Done():
		return assess.Change{}, ctx.Err()
	}
}

// While the watcher cannot follow others' changes (the server away), the
// workspace says so and why on every screen, instead of silently showing
// a portfolio that may be out of date; once the watcher is back and has
// caught up, the line goes and what others changed meanwhile shows.
func TestWorkspaceSaysWhileItIsNotFollowingOthersChanges(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	other := e.otherWindow()
	changes := make(feed)
	d := e.deps()
	d.Changes = changes
	f := e.startWith(d)
	f.waitFor("Acme Cloud Ltd", "0/33")

	changes <- assess.Change{Lost: "the team database cannot be reached"}
	f.waitFor("not following others' changes: the team database cannot be reached; retrying")
	f.press("enter")
	f.waitFor("question 1 of 33", "not following others' changes")

	other.answer(a.ID, "attestation", "no", "report lapsed in May")
	changes <- assess.Change{Seq: 9, Entries: 1}
	f.waitGone("not following others' changes")
	f.waitFor("Sam Ortiz changed attestation")
	f.press("esc")
	f.waitFor("Acme Cloud Ltd", "1/33")
	f.quit()
	close(changes)
}
