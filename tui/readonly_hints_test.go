package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// An auditor (a team login that reads and verifies, but does not write)
// is offered no key that writes: every one of them would be refused, and
// a hint that says "enter types an answer" to a person who may not
// answer sends them into that refusal. The portfolio, the interview and
// the plan offer what such a login may do: move, read, verify.
func TestAReadOnlyLoginIsOfferedNoKeyThatWrites(t *testing.T) {
	e, _ := payrollAnswered(t)
	d := e.deps()
	d.Actor, d.Login, d.Roles = "audrey", "audrey", []string{assess.RoleAuditor}
	f := e.startWith(d)
	absent := func(where string, writes ...string) {
		t.Helper()
		s := f.screen()
		for _, w := range writes {
			if strings.Contains(s, w) {
				t.Errorf("%s offers the auditor %q:\n%s", where, w, s)
			}
		}
	}

	f.waitFor("Payroll system", "enter open interview")
	absent("the portfolio's footer", "new assessment")
	f.press("?")
	f.waitFor("Keys on this screen", "audit trail")
	absent("the portfolio's keys", "new assessment", "archive/restore")
	f.press("x")
	f.waitGone("Keys on this screen")

	f.press("enter")
	f.waitFor("[Interview]", "next question")
	absent("the interview's footer", "enter answer", "note")
	f.press("?")
	f.waitFor("Keys on this screen", "question help")
	absent("the interview's keys", "pick option", "tick (multiple choice)", "clear answer", "confirm vendor answer", "note", "evidence")
	f.press("x")
	f.waitGone("Keys on this screen")
	f.press("]") // the figures: a number, then a text
	f.waitFor("question 4 of 8", "Note: none", "Evidence: none")
	absent("a question's note and evidence", "n adds one", "e adds references")
	for _, q := range []string{"question 5 of 8", "question 6 of 8", "question 7 of 8"} {
		f.press("right")
		f.waitFor(q, "keys: → next question") // a number, a date, a text
		absent(q+"'s hint", ": type ", "enter to edit", "enter types an answer")
	}
	f.press("right")
	f.waitFor("question 8 of 8", "Likelihood as found", "Planned measures")
	absent("a risk's rows", "enter to describe", "enter links plan items", "a number rates it")

	f.press("tab", "tab")
	f.waitFor("[Plan]", "pentest")
	absent("the plan's footer", "edit item", "next status", "accept risk", "add milestone")
	f.press("?")
	f.waitFor("Keys on this screen")
	absent("the plan's keys", "edit item", "next status", "accept risk", "add milestone")
	f.press("x")
	f.waitGone("Keys on this screen")
	f.quit()
}

// An approved assessment is locked: an analyst opening it is told so at
// the top, and was still offered every key that writes ("enter types an
// answer", "n adds one", the plan's "edit item"), each ending in the
// refusal that says a revision is started from the review. It is offered
// what it offers a login that may not write.
func TestAnApprovedAssessmentOffersNoKeyThatWrites(t *testing.T) {
	e, a := payrollAnswered(t)
	for _, step := range []struct {
		who string
		act assess.Action
	}{{"Ana", assess.ActSubmit}, {"Rui Reviewer", assess.ActApprove}} {
		if _, err := e.db.Review(assess.WithActor(context.Background(), step.who), a.ID, step.act, testToday, "ok"); err != nil {
			t.Fatal(err)
		}
	}
	f := e.start()
	absent := func(where string, writes ...string) {
		t.Helper()
		s := f.screen()
		for _, w := range writes {
			if strings.Contains(s, w) {
				t.Errorf("%s offers %q on an approved assessment:\n%s", where, w, s)
			}
		}
	}
	f.waitFor("Payroll system")
	f.press("enter")
	f.waitFor("[Interview]", "approved, locked", "next question")
	absent("the interview's footer", "enter answer", "note")
	f.press("]")
	f.waitFor("question 4 of 8", "Note: none", "Evidence: none")
	absent("a question's note and evidence", "n adds one", "e adds references")
	for _, q := range []string{"question 5 of 8", "question 6 of 8", "question 7 of 8"} {
		f.press("right")
		f.waitFor(q, "keys: → next question")
		absent(q+"'s hint", ": type ", "enter to edit", "enter types an answer")
	}
	f.press("right")
	f.waitFor("question 8 of 8", "Likelihood as found")
	absent("a risk's rows", "enter to describe", "enter links plan items", "a number rates it")
	f.press("tab", "tab")
	f.waitFor("[Plan]", "pentest")
	absent("the plan's footer", "edit item", "next status", "accept risk", "add milestone")
	f.quit()
}

// A pre-screen's recommendations are read by an auditor too, who may not
// start the assessments they recommend: neither the footer nor the
// recommendation offers enter to start one.
func TestAReadOnlyLoginIsNotOfferedToStartARecommendation(t *testing.T) {
	e := newEnv(t)
	pre := e.create("prescreen", "Loan pre-approval")
	if err := e.db.SaveAnswers(context.Background(), pre.ID, prescreenAnswers()); err != nil {
		t.Fatal(err)
	}
	d := e.deps()
	d.Actor, d.Login, d.Roles = "audrey", "audrey", []string{assess.RoleAuditor}
	f := e.startWith(d)
	f.waitFor("Loan pre-approval")
	f.press("r")
	f.waitFor("[Recommended]", "Privacy impact assessment (DPIA)", "next pane")
	for _, offered := range []string{"start recommended", "enter for Loan pre-approval", "starts with 3 answers"} {
		if s := f.screen(); strings.Contains(s, offered) {
			t.Errorf("the auditor is offered %q:\n%s", offered, s)
		}
	}
	f.quit()
}
