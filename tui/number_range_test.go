package tui_test

import (
	"strings"
	"testing"
)

// A count of records (min: 0, whole: true in all-types.yaml) says what it
// takes before anything is typed, refuses a negative count and a
// fraction with the reason, keeps what was typed in its field to be
// corrected, and saves nothing until a count is given.
func TestInterviewRefusesANumberOutOfRange(t *testing.T) {
	e := newEnv(t)
	f, a := e.interviewOn("all-types.yaml", "Payroll system")
	f.waitFor("question 1 of 8", "multi-factor")
	f.press("]", "right")
	f.waitFor("How many people's records", "No answer yet.", "type a whole number of 0 or more")
	f.typeText("-5")
	f.press("enter")
	// The reason wraps in the pane: "…, not" ends a line, the value
	// starts the next.
	f.waitFor("question records takes a whole number of 0 or more, not", "> -5", "│ -5 ")
	if _, ok := e.load(a.ID).Answers["records"]; ok {
		t.Fatal("a negative count was saved")
	}
	f.press("backspace", "backspace")
	f.typeText("2.5")
	f.press("right") // → at the end saves and moves on, or is refused
	f.waitFor("question records takes a whole number of 0 or more, not", "> 2.5", "│ 2.5 ")
	f.press("backspace", "backspace", "backspace")
	f.typeText("12")
	f.press("enter")
	f.waitFor("When was the last penetration test?")
	f.quit()
	e.reopen()
	if n := e.load(a.ID).Answers["records"].Value.Number; n == nil || n.String() != "12" {
		t.Errorf("records stored as %v, want 12", n)
	}
}

// Accessible mode says the range in its prompt and refuses what lies
// outside it, as it does for a scale.
func TestAccessibleRefusesANumberOutOfRange(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	in := strings.Join([]string{
		"1",   // the assessment
		"1",   // mfa: yes
		"1",   // hosting: EU
		"1",   // data: contact
		"5",   // maturity
		"-5",  // records: refused
		"0.5", // refused
		"0",   // records: none
		"q",
	}, "\n") + "\n"
	text := e.accessible(in)
	for _, want := range []string{
		"Type a whole number of 0 or more, in records.",
		"Not saved: type a whole number of 0 or more, not -5.",
		"Not saved: type a whole number of 0 or more, not 0.5.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	}
	if n := e.load(1).Answers["records"].Value.Number; n == nil || n.String() != "0" {
		t.Errorf("records stored as %v, want 0", n)
	}
}
