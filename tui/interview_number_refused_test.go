package tui_test

import (
	"testing"
)

// A number the field cannot hold is refused saying why: too many decimal
// places, or too many digits, not "is not a number", which a reviewer
// typing the vendor's figure would take for a typing slip and look for
// one that is not there.
func TestInterviewNumberRefusedSaysWhy(t *testing.T) {
	e := newEnv(t)
	a := e.createFrom("all-types.yaml", "Payroll system")
	f := e.start()
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("question 1 of 8", "multi-factor")
	f.press("1")
	f.waitFor("Where is the service hosted?")
	f.press("1")
	f.waitFor("Which personal data")
	f.press("1", "enter")
	f.waitFor("How mature is the security team?")
	f.press("5")
	f.waitFor("How many people's records")

	f.typeText("1.23456")
	f.press("enter")
	f.waitFor(`"1.23456" has 5 decimal places; at most 4 are allowed`)

	for range len("1.23456") {
		f.press("backspace")
	}
	f.typeText("1234567890123")
	f.press("enter")
	f.waitFor(`"1234567890123" is too large (at most 12 digits before`, "the decimal point)")

	for range len("1234567890123") {
		f.press("backspace")
	}
	f.typeText("12 people")
	f.press("enter")
	f.waitFor(`"12 people" is not a number`)
	if n := e.load(a.ID).Answers["records"].Value.Number; n != nil {
		t.Errorf("a refused number was stored as %v", n)
	}

	// The largest figure, written with thousands separators, is
	// taken, so the limits named above are the ones that apply.
	for range len("12 people") {
		f.press("backspace")
	}
	f.typeText("123,456,789,012")
	f.press("enter")
	f.waitFor("When was the last penetration test?")
	f.quit()

	e.reopen()
	if n := e.load(a.ID).Answers["records"].Value.Number; n == nil || n.String() != "123456789012" {
		t.Errorf("records stored as %v, want 123456789012", n)
	}
}
