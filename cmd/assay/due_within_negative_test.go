package main

import "testing"

// `assay due --within -5` said "-5 is not a number of days", which leaves
// the user guessing what is one. It says what --within takes: a whole
// number of days, 0 or more.
func TestDueWithinNegativeSaysWhatIsTaken(t *testing.T) {
	s := newCLISession(t)
	s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.fails("--within: -5 is before today: give a whole number of days, 0 or more", "due", "--within", "-5")
	s.ok("due", "--within", "0")
}
