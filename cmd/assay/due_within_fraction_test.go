package main

import "testing"

// `assay due --within 2.5` got cobra's own parse error (invalid argument
// "2.5" for "--within" flag: strconv.ParseInt: ...), where --within -5
// says what --within takes. Every value it cannot take now says so in the
// same words, and nothing is listed.
func TestDueWithinNotWholeSaysWhatIsTaken(t *testing.T) {
	s := newCLISession(t)
	s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	for _, bad := range []string{"2.5", "ten", "", "1e3", "99999999999999999999"} {
		s.fails(`--within: "`+bad+`" is not a whole number of days: give a whole number of days, 0 or more`, "due", "--within", bad)
		s.fails(`--within: "`+bad+`" is not a whole number of days: give a whole number of days, 0 or more`, "due", "--within="+bad)
	}
	s.fails("--within: -5 is before today: give a whole number of days, 0 or more", "due", "--within", "-5")
	s.ok("due", "--within", "0")
	s.ok("due", "--within", "60")
	s.ok("due")
}
