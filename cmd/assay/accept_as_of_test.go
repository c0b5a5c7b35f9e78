package main

import (
	"strings"
	"testing"
	"time"
)

// --as-of judges the plan on another day; it does not move the day a
// change is made. An acceptance that expired two days ago, given with
// --as-of a week before that, was recorded as in force: the plan then
// listed an acceptance that never held on any day it was recorded.
func TestAcceptanceExpiredTodayRefusedWhateverAsOf(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	expired := time.Now().AddDate(0, 0, -2).Format(time.DateOnly)
	before := time.Now().AddDate(0, 0, -9).Format(time.DateOnly)
	s.fails("the acceptance would have expired on "+expired+", before today",
		"plan", id, "--item", "mfa", "--accept-approver", "CISO", "--accept-reason", "Keys on order", "--accept-expires", expired, "--as-of", before)
	if out := s.ok("plan", id, "--csv"); strings.Contains(out, "Keys on order") {
		t.Errorf("the expired acceptance was recorded:\n%s", out)
	}
}

// onDay sets the day the commands of a test take for today (the clock of
// `assay plan` changes and of --as-of's default) until the test ends, or
// until the function it returns is called.
func onDay(t *testing.T, day string) (restore func()) {
	t.Helper()
	d, err := time.ParseInLocation(time.DateOnly, day, time.Local)
	if err != nil {
		t.Fatal(err)
	}
	old := clock
	clock = func() time.Time { return d.Add(12 * time.Hour) }
	restore = func() { clock = old }
	t.Cleanup(restore)
	return restore
}

// recordedOnDay is onDay for the audit trail too: what the commands
// change until restore is recorded at noon on day, as it would have been
// had they run then, so a step that signs it may be dated from that day
// (a review step is refused when dated before the risk acceptance it
// signs).
func recordedOnDay(t *testing.T, day string) (restore func()) {
	t.Helper()
	restoreClock := onDay(t, day)
	oldTrail := trailClock
	trailClock = clock
	restore = func() { trailClock = oldTrail; restoreClock() }
	t.Cleanup(restore)
	return restore
}
