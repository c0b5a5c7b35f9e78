package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// The review says which answer set a level by a knock-out: a vendor with
// every control of the screen in place but multi-factor authentication
// scores low on points (mfa no: 2 × 3 = 6 of 86), and the knock-out on mfa
// raises the overall risk to high.
func TestReviewShowsTheKnockOut(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	var answers []assess.Answer
	for _, qq := range a.Questionnaire.Questions {
		choice := "yes"
		switch qq.ID {
		case "attestation-not-applicable":
			continue // asked only after attestation's "not applicable"
		case "mfa":
			choice = "no"
		case "data-sensitivity":
			choice = "personal" // ordinary personal data: mfa's severity stays high
		}
		answers = append(answers, assess.Answer{QuestionID: qq.ID, Value: assess.Value{Choices: []string{choice}}})
	}
	if err := e.db.SaveAnswers(context.Background(), a.ID, answers); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Acme Cloud Ltd")
	f.press("r")
	f.waitFor("[Scores]", "Overall risk: high", "knock-out: mfa answered \"No\" sets at least high")
	f.quit()
}

// A knock-out an unanswered question sets is said as such: a DPIA whose
// privacy notice is unanswered (worked out by hand in its answers file)
// has its worst case raised to high by the knock-out on notice, counted as
// its worst answer, not by an answer "unanswered, …" given (w shows the
// worst case). A blank DPIA's unrated risks count as their worst rating,
// so its outcome is critical at worst and low at best.
func TestReviewShowsAnUnansweredKnockOut(t *testing.T) {
	e := newEnv(t)
	blank := e.create("dpia", "Blank DPIA")
	a := e.create("dpia", "Loyalty programme")
	e.answerFrom(a, "answers/dpia-notice-unanswered.yaml")
	// 40 lines: the exposure level's own knock-out (two EDPB criteria)
	// comes first and takes a few.
	f := e.startSized(e.deps(), 80, 40)
	f.waitFor("Loyalty programme")
	f.press("r")
	// 72 shown since dpia 2.7.0 asks authority-list under the GDPR.
	f.waitFor("[Scores]", "DPIA outcome: not rated yet", "Answered 69 of 72 · 1 required unanswered, counted as worst")
	if s := strings.Join(strings.Fields(f.screen()), " "); !strings.Contains(s, "DPIA outcome: not rated yet between low and high until the 1 unanswered question is answered") {
		t.Errorf("the outcome's range:\n%s", f.screen())
	}
	f.press("w")
	f.waitFor("DPIA outcome, worst case: high", "knock-out: notice, unanswered and counted as its worst answer, sets at least", "high")
	f.quit()

	// Of the blank DPIA's 63 required questions unanswered, the 52 that
	// are scored count as their worst answers (cmd/assay's knock-out test
	// counts them by hand; dpia 2.6.0 adds edpb-criteria, and
	// processing-started-elsewhere while jurisdictions is unanswered).
	f = e.start()
	f.waitFor("Blank DPIA")
	f.press("j", "r")
	f.waitFor("[Scores]", "Blank DPIA", "DPIA outcome: not rated yet", "Answered 0 of 65 · 63 required unanswered")
	// The eleven left over score no points: the count says so, wrapped
	// rather than cut at the screen's edge.
	if s := strings.Join(strings.Fields(f.screen()), " "); !strings.Contains(s, "63 required unanswered, 52 counted as worst and 11 that score no points State:") {
		t.Errorf("the blank DPIA's count of unanswered questions (assessment %d):\n%s", blank.ID, f.screen())
	}
	if s := strings.Join(strings.Fields(f.screen()), " "); !strings.Contains(s, "DPIA outcome: not rated yet between low and critical until the 63 unanswered questions are answered") {
		t.Errorf("the blank DPIA's range (assessment %d):\n%s", blank.ID, f.screen())
	}
	f.quit()
}

// Enter on a multiple-choice question with nothing ticked records its
// "none of these", when it has one: an empty selection is an answer.
func TestEmptySelectionIsNoneOfThese(t *testing.T) {
	e := newEnv(t)
	a := e.createFrom("all-types.yaml", "Payroll system")
	answers := []assess.Answer{
		{QuestionID: "mfa", Value: assess.Value{Choices: []string{"yes"}}},
		{QuestionID: "hosting", Value: assess.Value{Choices: []string{"eu"}}},
	}
	if err := e.db.SaveAnswers(context.Background(), a.ID, answers); err != nil {
		t.Fatal(err)
	}
	f := e.start()
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("Which personal data does it hold?")
	f.press("enter")
	f.waitFor("saved ✓")
	f.waitGone("Which personal data does it hold?")
	f.quit()
	got := e.load(a.ID).Answers["data"].Value.Choices
	if len(got) != 1 || got[0] != "none" {
		t.Errorf("data = %v, want [none]", got)
	}
}
