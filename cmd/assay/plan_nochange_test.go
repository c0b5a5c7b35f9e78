package main

import (
	"strings"
	"testing"
)

// A plan change that changes nothing (the owner the item has, milestones
// cleared from an item that has none) writes nothing, and says so: it
// printed "updated", and the reader looked for a change in the trail
// that was never made.
func TestAPlanChangeThatChangesNothingSaysSo(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	for _, args := range [][]string{
		{"--item", "policy", "--clear-milestones"},
		{"--item", "mfa", "--owner", "IT Ops"},
		{"--item", "mfa", "--owner", "IT Ops"},
	} {
		before := s.dbDigest()
		out := s.ok(append([]string{"plan", id}, args...)...)
		changed := s.dbDigest() != before
		says := strings.HasPrefix(out, "updated ")
		if changed != says {
			t.Errorf("plan %s: the database changed: %v; the output says updated: %v:\n%s", strings.Join(args, " "), changed, says, out)
		}
		if !changed && !strings.Contains(out, "nothing to change") {
			t.Errorf("plan %s changed nothing and does not say so:\n%s", strings.Join(args, " "), out)
		}
	}
}
