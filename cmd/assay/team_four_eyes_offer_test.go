package main

import (
	"os/exec"
	"strings"
	"testing"
)

// On a team database the server refuses the approval or rejection of an
// assessment by the login that submitted it, four_eyes set or not.
// Accessible mode read out Approve and Reject to that login all the same;
// it now offers what the submitter may do and says why Approve and
// Reject are not among the decisions, while another approver is offered
// them.
func TestTeamAccessibleSignOffOffersTheSubmitterNoApproval(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst", "approver")
	dee := s.person("dee", "approver")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	ana.ok("review", "1", "--submit")

	signOff := func(p *teamPerson) string {
		t.Helper()
		cmd := exec.Command(s.bin, "--accessible")
		cmd.Env = p.env
		proc := startInteractive(t, cmd)
		waitOutput(t, &proc.out, "or q to quit:", 1)
		// Nothing answered: the analyst is asked its first question,
		// and b goes to its choices; the approver, who may answer
		// none, hears its result and its choices at once.
		proc.say("1")
		waitOutput(t, &proc.out, "q to quit:", 2)
		if !strings.Contains(proc.out.String(), "3 to sign it off") {
			proc.say("b")
			waitOutput(t, &proc.out, "3 to sign it off", 1)
		}
		proc.say("3")
		waitOutput(t, &proc.out, "Type a decision's number, or b to go back to assessment 1's choices:", 1)
		proc.say("q")
		proc.stdin.Close()
		if err := cmd.Wait(); err != nil {
			t.Fatalf("assay --accessible as %s: %v\n%s", p.login, err, proc.out.String())
		}
		return proc.out.String()
	}

	out := signOff(ana)
	want := "; another approver decides (four eyes), or withdraw it to draft.\nDecisions: 1 Withdraw to draft.\n"
	if !strings.Contains(out, "Approve and Reject are not offered: you submitted it for review on ") || !strings.Contains(out, want) {
		t.Errorf("the submitter's sign-off lacks why, and %q:\n%s", want, out)
	}
	out = signOff(dee)
	if want := "Decisions: 1 Approve: it is then locked; 2 Reject: send it back, saying what must change.\n"; !strings.Contains(out, want) || strings.Contains(out, "not offered") {
		t.Errorf("the colleague's sign-off lacks %q, or says something is not offered:\n%s", want, out)
	}
}
