package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A team login without the analyst role (an approver, an auditor) reads
// everything, and an answer or a note it gives is refused before it
// shows, saying why: the server would refuse it, and the screen showed
// it answered (the progress, the level and the section's tick) until the
// write came back refused.
func TestALoginThatMayNotAnswerIsRefusedBeforeTheAnswerShows(t *testing.T) {
	e := newEnv(t)
	a := e.create("vendor-security-screen", "Acme Cloud Ltd")
	d := e.deps()
	d.Actor, d.Login = "dee", "dee"
	d.Roles = []string{assess.RoleApprover}

	f := e.startWith(d)
	f.waitFor("Acme Cloud Ltd")
	// Nor may it start an assessment: the home screen says so, whole,
	// instead of a form whose refusal came back cut at the screen's edge.
	f.press("n")
	f.waitFor("no new assessment: your login dee has the role approver: answers, notes and", "plans are changed by an analyst")
	if s := f.screen(); strings.Contains(s, "New assessment") {
		t.Errorf("the form opened:\n%s", s)
	}
	f.press("enter")
	f.waitFor("question 1 of 33", "0/33")
	f.press("1")
	f.waitFor("not saved: your login dee has the role approver: answers, notes and plans are", "changed by an analyst")
	if s := f.screen(); !strings.Contains(s, "0/33") || strings.Contains(s, "(•)") || !strings.Contains(s, "question 1 of 33") {
		t.Errorf("the refused answer shows:\n%s", s)
	}
	f.press("n")
	f.typeText("a note")
	f.press("enter")
	f.waitFor("not saved: your login dee has the role approver")
	f.quit()

	if got := e.load(a.ID); len(got.Answers) != 0 {
		t.Errorf("answers stored: %v", got.Answers)
	}
}

// On a team database the sign-off offers the decisions the login's roles
// allow, as the server will: an approver approves or rejects an
// assessment in review but does not withdraw it; an analyst withdraws it
// but does not approve it; an auditor has nothing to sign, and is told so
// instead of a form whose every choice the server refuses.
func TestSignOffOffersWhatTheLoginsRolesAllow(t *testing.T) {
	e, a := payrollAnswered(t)
	if _, err := e.db.Review(assess.WithActor(context.Background(), "ana"), a.ID, assess.ActSubmit, testToday, ""); err != nil {
		t.Fatal(err)
	}
	// The review's state line says what S does for that login, too.
	for _, c := range []struct {
		login        string
		roles        []string
		want, absent []string
		state        []string
	}{
		{"dee", []string{"approver"}, []string{"Approve: it is then locked", "Reject: send it back"}, []string{"Withdraw to draft", "Submit"},
			[]string{"State: in review, submitted by ana on 2026-03-31 · S approves, rejects or", "records the DPO's opinion"}},
		{"ana", []string{"analyst"}, []string{"Withdraw to draft"}, []string{"Approve", "Reject"},
			[]string{"State: in review, submitted by ana on 2026-03-31 · S withdraws it to draft"}},
		{"audrey", []string{"auditor"}, []string{"nothing to sign: login audrey has the role auditor, and #1 is in review"}, []string{"Decision"},
			[]string{"State: in review, submitted by ana on 2026-03-31 · nothing for you to sign"}},
		// An empty list allows nothing; nil is a person's own file.
		{"newcomer", []string{}, []string{"nothing to sign: login newcomer has no assay role, and #1 is in review"}, []string{"Decision"},
			[]string{"State: in review, submitted by ana on 2026-03-31 · nothing for you to sign"}},
	} {
		d := e.deps()
		d.Actor, d.Login, d.Roles = c.login, c.login, c.roles
		f := e.startWith(d)
		f.waitFor("Payroll system")
		f.press("enter")
		f.waitFor("[Interview]")
		f.press("tab")
		f.waitFor(append([]string{"[Review]"}, c.state...)...)
		f.press("S")
		f.waitFor(c.want...)
		for _, no := range c.absent {
			if s := f.screen(); strings.Contains(s, no) {
				t.Errorf("%s (%v) is offered %q:\n%s", c.login, c.roles, no, s)
			}
		}
		if !strings.HasPrefix(c.want[0], "nothing to sign") {
			f.press("esc") // out of the form, back on the review
			f.waitFor("[Review]", "State: in review")
		}
		f.quit()
	}
}

// Nor a plan change: s (next status) on a plan item is refused before
// the item shows it, and nothing is stored.
func TestALoginThatMayNotEditThePlanIsRefused(t *testing.T) {
	e, a := payrollAnswered(t)
	d := e.deps()
	d.Actor, d.Login, d.Roles = "audrey", "audrey", []string{assess.RoleAuditor}
	f := e.startWith(d)
	f.waitFor("Payroll system")
	f.press("p")
	f.waitFor("[Plan]", "pentest")
	f.press("s")
	f.waitFor("not saved: your login audrey has the role auditor")
	if s := f.screen(); strings.Contains(s, "in progress") {
		t.Errorf("the refused status shows:\n%s", s)
	}
	f.quit()
	if got := e.load(a.ID).PlanEdits; len(got) != 0 {
		t.Errorf("plan edits stored: %v", got)
	}
}
