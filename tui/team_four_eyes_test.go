package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/tui"
)

// Team mode, two approvers: the server refuses the approval or rejection
// of an assessment by the login that submitted it (four eyes). The
// sign-off offered them to that login all the same, asked for the
// rejection's reason, and only then said the server's no. It now offers
// the submitter what they may do (withdraw it, the DPO's opinion) and
// says why Approve and Reject are not there; the colleague is offered
// them.
func TestTeamSignOffOffersTheSubmitterNoApproval(t *testing.T) {
	te := newTeamEnv(t)
	dana := te.person("foureyes dana", "analyst", "approver")
	erin := te.person("foureyes erin", "analyst", "approver")
	a := te.teamPayroll(dana)
	// One day for the submission and the words about it: two readings of
	// the clock either side of midnight would be two days.
	submitted := assess.DateOf(time.Now())
	if _, err := dana.db.Review(context.Background(), a.ID, assess.ActSubmit, submitted, "ready"); err != nil {
		t.Fatal(err)
	}

	f := te.workspace(dana)
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: in review")
	f.press("S")
	f.waitFor("Withdraw to draft")
	s := f.screen()
	for _, withheld := range []string{"Approve: it is then locked", "Reject: send it back"} {
		if strings.Contains(s, withheld) {
			t.Errorf("the submitter's sign-off offers %q:\n%s", withheld, s)
		}
	}
	saysInTheWorkspace(t, s, "Approve and Reject are not offered: you submitted it for review on "+submitted.String()+"; another approver decides (four eyes), or withdraw it to draft.")
	f.press("esc")
	f.waitFor("State: in review")
	f.quit()

	g := te.workspace(erin)
	g.waitFor("Payroll system")
	g.press("r")
	g.waitFor("State: in review")
	g.press("S")
	g.waitFor("Approve: it is then locked", "Reject: send it back")
	if s := g.screen(); strings.Contains(s, "not offered") {
		t.Errorf("the colleague's sign-off says something is not offered:\n%s", s)
	}
	g.press("esc")
	g.quit()
}

// The same in accessible mode: the decisions read out are the submitter's,
// and why Approve and Reject are not among them is said before any.
func TestTeamAccessibleSignOffOffersTheSubmitterNoApproval(t *testing.T) {
	te := newTeamEnv(t)
	dana := te.person("foureyes dana", "analyst", "approver")
	a := te.teamPayroll(dana)
	submitted := assess.DateOf(time.Now()) // one reading of the clock, as above
	if _, err := dana.db.Review(context.Background(), a.ID, assess.ActSubmit, submitted, "ready"); err != nil {
		t.Fatal(err)
	}
	// The assessment, sign it off, then back out.
	text := accessibleWith(t, te.deps(dana), lines("1", "3", "b", "q"))
	decisions := text[strings.Index(text, "Decisions: "):]
	decisions = decisions[:strings.Index(decisions, "\n")]
	if strings.Contains(decisions, "Approve") || strings.Contains(decisions, "Reject") {
		t.Errorf("the submitter is offered the reviewer's decisions:\n%s", decisions)
	}
	want := "Approve and Reject are not offered: you submitted it for review on " + submitted.String() +
		"; another approver decides (four eyes), or withdraw it to draft.\nDecisions: 1 Withdraw to draft; 2 DPO opinion: favourable;"
	if !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, decisions)
	}
}

// A race: erin opens the sign-off while dana's submission stands, and is
// offered Approve and Reject; before erin signs, dana withdraws it and
// erin submits it herself. The server is the last check: it refuses
// erin's rejection, and the workspace says the withdrawal with its key.
func TestTeamFourEyesRefusalInTheWorkspace(t *testing.T) {
	te := newTeamEnv(t)
	dana := te.person("foureyes dana", "analyst", "approver")
	erin := te.person("foureyes erin", "analyst", "approver")
	a := te.teamPayroll(dana)
	today := assess.DateOf(time.Now())
	if _, err := dana.db.Review(context.Background(), a.ID, assess.ActSubmit, today, "ready"); err != nil {
		t.Fatal(err)
	}
	f := te.workspace(erin)
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: in review")
	f.press("S")
	f.waitFor("Reject: send it back")
	resubmitAs(t, a.ID, dana, erin)
	f.press("down", "enter")
	f.waitFor("┃ Comment")
	f.typeText("Not ready")
	f.waitFor("Not ready")
	f.press("enter")
	f.waitFor("Not signed: cannot reject assessment", "Any key goes back to the review.")
	saysInTheWorkspace(t, f.screen(), erin.login+" can withdraw it: S on the review, then Withdraw to draft")
	f.press("x")
	f.waitFor("State: in review")
	f.quit()
}

// Accessible mode says the same refusal with its menu's choice.
func TestTeamFourEyesRefusalReadOut(t *testing.T) {
	te := newTeamEnv(t)
	dana := te.person("foureyes dana", "analyst", "approver")
	erin := te.person("foureyes erin", "analyst", "approver")
	a := te.teamPayroll(dana)
	if _, err := dana.db.Review(context.Background(), a.ID, assess.ActSubmit, assess.DateOf(time.Now()), "ready"); err != nil {
		t.Fatal(err)
	}
	d := te.deps(erin)
	d.Governance = resubmitFirst{Governance: erin.db, run: func() { resubmitAs(t, a.ID, dana, erin) }}
	// The assessment, sign it off, Reject (after Approve), a comment.
	text := accessibleWith(t, d, lines("1", "3", "2", "Not ready", "b", "q"))
	noCommand(t, text)
	if want := erin.login + " can withdraw it: choose Withdraw to draft among the decisions."; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
}

// resubmitAs withdraws assessment id as from, who submitted it, and
// submits it again as to: to becomes the submitter.
func resubmitAs(t *testing.T, id int64, from, to *teamPerson) {
	t.Helper()
	ctx, today := context.Background(), assess.DateOf(time.Now())
	if _, err := from.db.Review(ctx, id, assess.ActWithdraw, today, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := to.db.Review(ctx, id, assess.ActSubmit, today, "mine now"); err != nil {
		t.Fatal(err)
	}
}

// resubmitFirst runs run, a colleague's steps, just before the decision
// it signs: the decision was offered on what the screen showed before.
type resubmitFirst struct {
	tui.Governance
	run func()
}

func (r resubmitFirst) Review(ctx context.Context, id int64, action assess.Action, on assess.Date, comment string, opts ...assess.ReviewOption) (*assess.Assessment, error) {
	r.run()
	return r.Governance.Review(ctx, id, action, on, comment, opts...)
}
