package tui_test

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A refusal read out in accessible mode pointed to a command to type at
// the shell ("(assay revise 1)", "(assay review 1 --withdraw)"), which is
// not where the person is: they hear what to choose in the menu instead.
func TestAccessibleRefusalsPointToTheMenu(t *testing.T) {
	t.Run("approved and locked", func(t *testing.T) {
		e, a := payrollAnswered(t)
		ctx := assess.WithActor(context.Background(), "Dana Reyes")
		for _, act := range []assess.Action{assess.ActSubmit, assess.ActApprove} {
			if _, err := e.db.Review(ctx, a.ID, act, testToday, "ok", assess.AcceptUnconfirmed); err != nil {
				t.Fatal(err)
			}
		}
		text := e.accessible("1\n1\n2\n1\nb\nb\nq\n")
		noCommand(t, text)
		want := "approved and locked; start a revision to change it: in assessment 1's choices, choose 3 to sign it off, then Start a revision."
		if strings.Count(text, want) < 2 || !strings.Contains(text, "This item cannot be changed: assessment 1 is approved") { // the questions, and the plan's item
			t.Errorf("accessible output lacks %q twice:\n%s", want, text)
		}
	})
	t.Run("four eyes", func(t *testing.T) {
		// Omar submitted it, so Dana is offered Reject; before she
		// signs, Omar withdraws it and she submits it herself.
		e, a := submittedUnderFourEyes(t, "Omar Diaz")
		d := e.deps()
		d.FourEyes = true
		d.Governance = resubmitFirst{Governance: e.db, run: func() { e.resubmit(a.ID, "Omar Diaz", "Dana Reyes") }}
		text := accessibleWith(t, d, lines("1", "3", "2", "Not ready", "b", "q"))
		noCommand(t, text)
		if want := "Dana Reyes can withdraw it: choose Withdraw to draft among the decisions."; !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	})
	t.Run("unconfirmed vendor answers", func(t *testing.T) {
		e := newEnv(t)
		a := e.create("vendor-security-screen", "Acme Cloud Ltd")
		e.importVendorFile(a, "source: vendor\nanswers:\n  attestation: yes\n  mfa: no\n")
		text := e.accessible(lines("1", "b", "3", "1", "n", "", "q"))
		noCommand(t, text)
		if want := "or accept them as the vendor gave them: type y when the sign-off asks."; !strings.Contains(text, want) {
			t.Errorf("accessible output lacks %q:\n%s", want, text)
		}
	})
}

func noCommand(t *testing.T, text string) {
	t.Helper()
	if strings.Contains(text, "(assay ") || strings.Contains(text, "--withdraw") || strings.Contains(text, "--accept-unconfirmed") {
		t.Errorf("accessible mode points to a command line:\n%s", text)
	}
}
