package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// prescreenAnswers make the pre-screen recommend the privacy impact
// assessment on three grounds (two high-risk criteria, one of them
// sensitive data, and decisions taken by automated means), the fairness
// assessment and third-party due diligence.
func prescreenAnswers() []assess.Answer {
	choice := func(id string, cs ...string) assess.Answer {
		return assess.Answer{QuestionID: id, Value: assess.Value{Choices: cs}}
	}
	return []assess.Answer{
		{QuestionID: "initiative", Value: assess.Value{Text: "Loan pre-approval in the mobile app, owned by Retail Credit"}},
		choice("personal-data", "yes"),
		choice("high-risk-criteria", "scoring", "sensitive"),
		choice("existing-dpia", "no"),
		choice("sector", "no"),
		choice("automated-decisions", "decides"),
		choice("vendor", "yes"),
		choice("vendor-assessed", "no"),
		choice("license-out", "no"),
		choice("anonymized-dataset", "no"),
		{QuestionID: "cross-border", Value: assess.Value{Choices: []string{"yes"}}, Evidence: []string{"Hosting plan v2"}},
	}
}

// The pre-screen's review opens on what it recommends, each assessment
// once with every reason whole; third-party due diligence asks for the
// vendor rather than taking the initiative's name; the privacy impact
// assessment starts with the answers the pre-screen already gave to the
// same questions.
func TestPrescreenRecommendsOnceAndCarriesItsAnswers(t *testing.T) {
	e := newEnv(t)
	pre := e.create("prescreen", "Loan pre-approval")
	if err := e.db.SaveAnswers(context.Background(), pre.ID, prescreenAnswers()); err != nil {
		t.Fatal(err)
	}
	f := e.startWith(e.deps())
	f.waitFor("Loan pre-approval")
	f.press("r")
	f.waitFor("[Recommended]", "Privacy impact assessment (DPIA)", "(1) Two or more of the European",
		"(3) Decisions about people are taken by automated means", "the right to human review.")
	if n := strings.Count(f.screen(), "Privacy impact assessment (DPIA)"); n > 1 {
		t.Errorf("the privacy impact assessment is listed %d times:\n%s", n, f.screen())
	}
	f.waitFor("enter for Loan pre-approval; starts with 3 answers from here")

	// Third-party due diligence: for the vendor, not the initiative.
	for !strings.Contains(f.screen(), "▸ Third-party due diligence") {
		f.pressAndWaitChange("down")
	}
	f.waitFor("enter asks for the vendor")
	f.press("enter")
	f.waitFor("┃ Vendor", "the pre-screen was about Loan pre-approval")
	f.waitGone("> Loan pre-approval")
	f.press("esc")
	f.waitFor("sorted by")

	// The privacy impact assessment starts with two answers.
	f.press("r")
	f.waitFor("[Recommended]", "▸ Privacy impact assessment (DPIA)")
	f.press("enter")
	f.waitFor("> Privacy impact assessment (DPIA)", "┃ > Loan pre-approval")
	f.press("enter", "enter")
	f.waitFor("Started with 3 answers from the pre-screen.", " 3/67 ")
	f.press("esc") // the first question is free text, ready for typing
	f.quit()

	e.reopen()
	dpia := e.load(pre.ID + 1)
	if dpia.Questionnaire.ID != "dpia" || dpia.Subject != "Loan pre-approval" || dpia.Reviewer != "Dana Reyes" {
		t.Fatalf("the new assessment is %s of %q by %q", dpia.Questionnaire.ID, dpia.Subject, dpia.Reviewer)
	}
	want := map[string]string{"transfers": "yes", "sector": "none"}
	for id, choice := range want {
		a := dpia.Answers[id]
		if len(a.Value.Choices) != 1 || a.Value.Choices[0] != choice || !strings.Contains(a.Note, "pre-screen") {
			t.Errorf("%s carried as %+v, want %s with a note naming the pre-screen", id, a, choice)
		}
	}
	if ev := dpia.Answers["transfers"].Evidence; len(ev) != 1 || ev[0] != "Hosting plan v2" {
		t.Errorf("transfers' evidence carried as %v", ev)
	}
	// "It decides by itself" may be significant or minor to the DPIA's
	// question: not carried.
	if a, ok := dpia.Answers["automated-decisions"]; ok && a.Answered() {
		t.Errorf("automated-decisions carried as %+v; the pre-screen's answer does not say which of the DPIA's it is", a)
	}
}
