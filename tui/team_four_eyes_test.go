package tui_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/assay-dev/assay/assess"
)

// Team mode: the server refuses the submitter's own rejection (four
// eyes). Its refusal named the command line's withdrawal, "(assay review
// 1 --withdraw)"; the workspace says the key and the choice.
func TestTeamFourEyesRefusalInTheWorkspace(t *testing.T) {
	te := newTeamEnv(t)
	dana := te.person("foureyes dana", "analyst", "approver")
	a := te.teamPayroll(dana)
	if _, err := dana.db.Review(context.Background(), a.ID, assess.ActSubmit, assess.DateOf(time.Now()), "ready"); err != nil {
		t.Fatal(err)
	}
	f := te.workspace(dana)
	f.waitFor("Payroll system")
	f.press("r")
	f.waitFor("State: in review")
	f.press("S")
	f.waitFor("Reject: send it back")
	if s := f.screen(); !strings.Contains(s, "Approve: it is then locked") {
		t.Fatalf("the sign-off does not offer approval first:\n%s", s)
	}
	f.press("down", "enter")
	f.waitFor("┃ Comment")
	f.typeText("Not ready")
	f.waitFor("Not ready")
	f.press("enter")
	f.waitFor("Not signed: cannot reject assessment", "Any key goes back to the review.")
	saysInTheWorkspace(t, f.screen(), dana.login+" can withdraw it: S on the review, then Withdraw to draft")
	f.press("x")
	f.waitFor("State: in review")
	f.quit()
}

// Accessible mode says the same refusal with its menu's choice.
func TestTeamFourEyesRefusalReadOut(t *testing.T) {
	te := newTeamEnv(t)
	dana := te.person("foureyes dana", "analyst", "approver")
	a := te.teamPayroll(dana)
	if _, err := dana.db.Review(context.Background(), a.ID, assess.ActSubmit, assess.DateOf(time.Now()), "ready"); err != nil {
		t.Fatal(err)
	}
	// The assessment, sign it off, Reject (after Approve), a comment.
	text := accessibleWith(t, te.deps(dana), lines("1", "3", "2", "Not ready", "b", "q"))
	noCommand(t, text)
	if want := dana.login + " can withdraw it: choose Withdraw to draft among the decisions."; !strings.Contains(text, want) {
		t.Errorf("accessible output lacks %q:\n%s", want, text)
	}
}
