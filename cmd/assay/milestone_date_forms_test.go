package main

import (
	"strings"
	"testing"
)

// A milestone's date written in another common form, or run into its
// title, was taken as part of the title and the milestone kept no date:
// "15/03/2027 Kickoff", "2027/03/15 …", "20270315 …", "2027-03-15: …" and
// a date followed by a tab were all recorded as undated steps whose
// titles merely showed a date, so nothing ever told the lead relying on
// them that the day had passed. Each is refused, naming what to type,
// and nothing is recorded; titles that start with a number stay titles.
func TestMilestoneDateInAnotherFormIsRefused(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-01-31", vendorAnswers)
	for _, c := range []struct{ typed, want string }{
		{"15/03/2027 Kickoff", `"15/03/2027" is not a date in YYYY-MM-DD form`},
		{"03.15.2027 Kickoff", `"03.15.2027" is not a date in YYYY-MM-DD form`},
		{"2027/03/15 Kickoff", `"2027/03/15" is not a date in YYYY-MM-DD form`},
		{"20270315 Kickoff", `"20270315" is not a date in YYYY-MM-DD form`},
		{"2027-03-15: Kickoff", "put a space between the date and the title: 2027-03-15 Kickoff"},
		{"2027-03-15, Kickoff", "put a space between the date and the title: 2027-03-15 Kickoff"},
	} {
		s.fails(`--milestone "`+c.typed+`": `+c.want, "plan", id, "--item", "mfa", "--milestone", c.typed)
	}
	if out := s.ok("plan", id, "--csv"); strings.Contains(out, "Kickoff") {
		t.Errorf("a refused milestone was recorded:\n%s", out)
	}

	// A tab after the date separates it from the title as a space does.
	s.ok("plan", id, "--item", "mfa", "--milestone", "2027-03-15\tKickoff")
	if got := readPlanCSV(t, s.ok("plan", id, "--csv"))["mfa"]["Milestones"]; got != "Kickoff by 2027-03-15" {
		t.Errorf("a milestone typed with a tab after its date reads %q; want Kickoff by 2027-03-15", got)
	}
	for _, title := range []string{"24/7 monitoring on", "3.2 release shipped", "2026 budget approved", "1:1 with the vendor"} {
		s.ok("plan", id, "--item", "access-review", "--milestone", title)
	}
}
