package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// Every question type answered with the keyboard alone, with a note,
// evidence, guidance on demand, a question that appears and disappears,
// and a refused answer that is typed again.
func TestInterviewEveryQuestionType(t *testing.T) {
	e := newEnv(t)
	a := e.createFrom("all-types.yaml", "Payroll system")
	f := e.start()
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("question 1 of 8", "multi-factor", "i shows guidance")
	f.press("i")
	f.waitFor("Good evidence is the identity provider's policy export.")
	f.press("n")
	f.waitFor("Note: >")
	f.typeText("Checked in the IdP console")
	f.press("enter")
	f.waitFor("Note: Checked in the IdP console")
	f.press("e")
	f.waitFor("Evidence: >")
	f.typeText("policy.pdf; TICKET-42")
	f.press("enter")
	f.waitFor("Evidence: policy.pdf; TICKET-42", "saved ✓")
	f.golden("interview-control")
	// A digit with no option says so, and answers nothing.
	f.press("7")
	f.waitFor("There is no option 7: the options are 1 to 4.")
	if got := e.load(a.ID).Answers["mfa"].Value.Choices; len(got) != 0 {
		t.Fatalf("a digit with no option answered %v", got)
	}
	f.press("1")
	f.waitFor("Where is the service hosted?")
	if strings.Contains(f.screen(), "There is no option") {
		t.Errorf("the message about the missing option stayed after the answer:\n%s", f.screen())
	}

	// Hosting in the US asks about transfers; answering it and moving the
	// hosting back to the EU hides the question but keeps its answer.
	f.press("2")
	f.waitFor("question 3 of 9", "standard contractual clauses")
	f.press("1")
	f.waitFor("Which personal data")
	f.press("left")
	f.waitFor("standard contractual clauses", "(•) Yes")
	f.press("left")
	f.waitFor("Where is the service hosted?")
	f.press("1")
	f.waitFor("question 3 of 8", "Which personal data")

	// Multiple choice: "None of these" clears the others, and the others clear it.
	f.press("1", "2")
	f.waitFor("[x] Contact details", "[x] Health data")
	f.press("3")
	f.waitFor("[ ] Contact details", "[ ] Health data", "[x] None of these")
	f.press("1")
	f.waitFor("[x] Contact details", "[ ] None of these")
	f.press("enter")
	f.waitFor("How mature is the security team?")

	f.press("5")
	f.waitFor("How many people's records")
	f.typeText("1 lots") // a digit starts the field; then anything can be typed
	f.press("enter")
	f.waitFor(`"1 lots" is not a number`)
	f.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace")
	f.typeText("250000")
	f.press("enter")
	f.waitFor("When was the last penetration test?")
	f.typeText("2025-01-15")
	f.press("enter")
	f.waitFor("What is the service for?")
	f.typeText("Paying staff")
	f.press("enter")
	f.waitFor("The data leaks through an attack", "Likelihood as found")
	f.press("3", "4")
	f.waitFor("As found: critical")
	f.press("1", "2")
	f.waitFor("after measures: low", "saved ✓")
	f.golden("interview-risk")
	f.quit()

	e.reopen()
	got := e.load(a.ID)
	mfa := got.Answers["mfa"]
	if mfa.Note != "Checked in the IdP console" || len(mfa.Evidence) != 2 || mfa.Evidence[1] != "TICKET-42" || mfa.Value.Choices[0] != "yes" {
		t.Errorf("mfa stored as %+v", mfa)
	}
	checks := map[string]string{
		"hosting":             "eu",
		"transfer-safeguards": "yes", // hidden now, but kept
		"data":                "contact",
	}
	for id, want := range checks {
		if c := got.Answers[id].Value.Choices; len(c) != 1 || c[0] != want {
			t.Errorf("%s stored as %v, want [%s]", id, c, want)
		}
	}
	if n := got.Answers["staff"].Value.Number; n == nil || n.String() != "5" {
		t.Errorf("staff stored as %v, want 5", n)
	}
	if n := got.Answers["records"].Value.Number; n == nil || n.String() != "250000" {
		t.Errorf("records stored as %v, want 250000", n)
	}
	if d := got.Answers["pentest"].Value.Date.String(); d != "2025-01-15" {
		t.Errorf("pentest stored as %s", d)
	}
	if s := got.Answers["purpose"].Value.Text; s != "Paying staff" {
		t.Errorf("purpose stored as %q", s)
	}
	r := got.Answers["breach"].Value.Risk
	if r == nil || r.Likelihood != 3 || r.Impact != 4 || r.AfterLikelihood != 1 || r.AfterImpact != 2 {
		t.Errorf("breach stored as %+v, want likely × severe, then rare × moderate", r)
	}
}

// A risk rated higher after the planned measures than as found is taken,
// and the interview says so under its levels: measures do not raise a
// risk, so the ratings want a check.
func TestRiskRatedHigherAfterMeasuresIsPointedOut(t *testing.T) {
	e := newEnv(t)
	a := e.createFrom("all-types.yaml", "Payroll system")
	answers := allTypesAnswers()
	for i := range answers {
		if answers[i].QuestionID == "breach" {
			answers[i].Value.Risk = &assess.RiskRating{Likelihood: 1, Impact: 2, AfterLikelihood: 3, AfterImpact: 2}
		}
	}
	if err := e.db.SaveAnswers(context.Background(), a.ID, answers); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("[Interview]")
	for range 8 {
		if strings.Contains(f.screen(), "The data leaks through an attack") {
			break
		}
		f.press("]")
	}
	f.waitFor("The data leaks through an attack", "Rated higher after measures than as found: measures do", "not raise a risk, so check the ratings.")
	f.press("2") // the likelihood as found, from 1 to 2: still lower than after
	f.waitFor("saved ✓", "Rated higher after measures than as found")
	f.press("down", "1") // after measures, likelihood 1: no longer higher
	f.waitFor("Likelihood after measures 1 rare", "As found: medium · after measures: low")
	if s := f.screen(); strings.Contains(s, "Rated higher after measures") {
		t.Errorf("the warning stays once the ratings fall:\n%s", s)
	}
	f.quit()
}

// Going back over answered questions with enter, as a person checking
// their answers does, records nothing: an answer given again as it is
// adds no audit record (the trail said "attestation: Yes → Yes" at each
// pass).
func TestEnterOnTheSameAnswerRecordsNothing(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	f := e.start()
	f.waitFor("Acme Cloud Ltd")
	f.press("enter")
	f.waitFor("question 1 of 33")
	f.press("1")
	f.waitFor("question 2 of 33", "saved ✓")
	f.press("h")
	f.waitFor("question 1 of 33", "(•) Business contact details")
	f.press("enter")
	f.waitFor("question 2 of 33")
	f.press("h")
	f.waitFor("question 1 of 33")
	f.press("1")
	f.waitFor("question 2 of 33")
	f.quit()
	evs, err := e.db.Events(context.Background(), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	answers := 0
	for _, ev := range evs {
		if ev.Kind == "answer" {
			answers++
		}
	}
	if answers != 1 {
		t.Errorf("%d audit records of answers, want the one answer given", answers)
	}
}

// A scale whose steps are digits (0 to 4) is answered by typing the step:
// 3 is 3, and each row shows its own digit; a digit off the scale says
// so. A scale from 1 reads the same as before, its rows numbered 1 up.
func TestScaleFromZeroTakesItsDigits(t *testing.T) {
	e := newEnv(t)
	a := e.createFrom("likert.yaml", "Payroll system")
	f := e.start()
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("How confident", "0. ( ) 0 Not at all", "3. ( ) 3", "4. ( ) 4 Fully")
	f.press("7")
	f.waitFor("There is no step 7: the scale runs from 0 to 4.")
	f.press("3")
	f.waitFor("multi-factor", "saved ✓")
	if got := e.load(a.ID).Answers["confidence"].Value.Number; got == nil || got.String() != "3" {
		t.Errorf("3 typed on a scale from 0 saved %v, want 3", got)
	}
	f.quit()
}
