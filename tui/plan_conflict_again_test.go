package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The conflict on a plan item's owner is open (O/K) when the other person
// changes the owner again: the panel shows the owner as it now is, and
// who set it, and K keeps that one. It kept showing the first owner, and
// K put that one back on the screen over the store's.
func TestPlanConflictFollowsTheirLaterChange(t *testing.T) {
	e, a, f, setOwner := planConflictWatched(t)
	setOwner("Kim Park", "Blue team")
	f.waitFor("Kim Park changed the owner of pentest at", `Theirs: "Blue team"`, `Yours:  "Sam Lee"`)
	if s := f.screen(); strings.Contains(s, "Red team") || strings.Contains(s, "Sam Ortiz") {
		t.Errorf("the panel still shows the first change:\n%s", s)
	}
	f.press("K")
	f.waitGone("Kim Park changed the owner")
	if s := f.screen(); strings.Contains(s, "Red team") || !strings.Contains(s, "Blue team") {
		t.Errorf("after K the plan does not show the owner the store holds (Blue team):\n%s", s)
	}
	f.quit()
	if got := e.load(a.ID).PlanEdits["pentest"]; got.Owner != "Blue team" {
		t.Errorf("owner after keeping theirs: %q, want Blue team", got.Owner)
	}
}

// planConflictWatched opens a conflict on plan item pentest's owner in a
// workspace following the store's changes: Sam Ortiz set "Red team"
// while the form held "Sam Lee". setOwner sets it again as someone else.
func planConflictWatched(t *testing.T) (*env, *assess.Assessment, *flow, func(who, owner string)) {
	t.Helper()
	return planConflictIn(t, (*env).watching)
}

// planConflictIn is planConflictWatched in the workspace start opens
// (following the store's changes, over a store of the test's own).
func planConflictIn(t *testing.T, start func(*env) *flow) (*env, *assess.Assessment, *flow, func(who, owner string)) {
	t.Helper()
	e, a := payrollAnswered(t)
	other := e.otherWindow()
	f := start(e)
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")
	f.press("enter")
	f.waitFor("┃ Owner")
	setOwner := func(who, owner string) {
		t.Helper()
		ctx := assess.WithActor(context.Background(), who)
		if _, _, err := other.db.ChangePlanItem(ctx, a.ID, "pentest", assess.PlanChange{Owner: &owner}, testToday); err != nil {
			t.Fatal(err)
		}
	}
	setOwner("Sam Ortiz", "Red team")
	f.typeText("Sam Lee")
	f.waitFor("> Sam Lee")
	for range 5 { // owner, due date, reason, status, action
		f.press("enter")
	}
	f.waitFor("Sam Ortiz changed the owner of pentest at", `Theirs: "Red team"`, `Yours:  "Sam Lee"`)
	return e, a, f, setOwner
}

// The other person puts the owner back as it was when ours was typed:
// nothing of theirs stands against ours any more, and ours is saved, as
// it would have been had they not changed it.
func TestPlanConflictGoneWhenTheyPutItBack(t *testing.T) {
	e, a, f, setOwner := planConflictWatched(t)
	setOwner("Sam Ortiz", "")
	f.waitGone("Sam Ortiz changed the owner")
	f.waitFor("saved ✓")
	f.quit()
	if got := e.load(a.ID).PlanEdits["pentest"]; got.Owner != "Sam Lee" {
		t.Errorf("owner once theirs was put back: %q, want Sam Lee", got.Owner)
	}
}
