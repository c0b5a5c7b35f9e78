package tui_test

import "testing"

// The interview shows a number's or a date's answer with the label of the
// band it falls in on the assessment date, as the review and the report
// do: "12 records (up to a thousand)", not a bare figure whose points the
// reviewer must work out.
func TestInterviewShowsTheAnswersBand(t *testing.T) {
	e := newEnv(t)
	e.createFrom("all-types.yaml", "Payroll system")
	f := e.start()
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("question 1 of 8", "multi-factor")
	f.press("]", "right") // the next section's second question
	f.waitFor("How many people's records", "No answer yet.")
	f.typeText("12")
	f.press("enter")
	f.waitFor("When was the last penetration test?")
	f.press("left")
	f.waitFor("How many people's records", "Answer: 12 records (up to a thousand)")
}
