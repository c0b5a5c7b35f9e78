package main

import (
	"os/exec"
	"strings"
	"testing"
)

// Accessible mode on a team database offers an auditor nothing that
// writes (no n at the list, no question to answer, no item "to change",
// no sign-off without a decision in it): each ended in a refusal. It
// reads the login's roles again when the person opens what they may not
// change, as the workspace does on a refusal: a role an owner grants
// while it is open is said in one line, the questions are then asked,
// and the answer typed is saved. It used to keep the roles read at start.
func TestTeamAccessibleReadsARoleGrantedWhileOpen(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	bo := s.person("bo", "auditor")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")

	cmd := exec.Command(s.bin, "--accessible")
	cmd.Env = bo.env
	p := startInteractive(t, cmd)
	const asked = "b to go back to assessment 1's choices, q to quit:"
	waitOutput(t, &p.out, "Type an assessment's number to hear it, or q to quit:", 1)
	p.say("1")
	waitOutput(t, &p.out, "You may read it but not change it: your login "+bo.login+" has the role auditor: answers, notes and plans are changed by an analyst (an owner grants roles with assay team grant).\n", 1)
	waitOutput(t, &p.out, "Type 1 to hear its result, 2 for its remediation plan, 4 to write its report to a file, 5 to hear its audit trail, b to go back to the list, q to quit:", 1)
	for _, writes := range []string{"n for a new assessment", "Answer, or s to skip", "answer its questions", "3 to sign it off"} {
		if strings.Contains(p.out.String(), writes) {
			t.Errorf("the auditor is offered %q:\n%s", writes, p.out.String())
		}
	}
	if r := s.admin("team", "grant", bo.login, "analyst"); r.code != 0 {
		t.Fatalf("team grant: exit %d: %s", r.code, r.errs)
	}
	p.say("1")
	waitOutput(t, &p.out, "Your login "+bo.login+" now has the role analyst and auditor.\n", 1)
	waitOutput(t, &p.out, asked, 1)
	p.say("1")
	waitOutput(t, &p.out, "\nSaved.\n", 1)
	p.say("q")
	p.stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("assay --accessible: %v\n%s", err, p.out.String())
	}
	var n int
	if err := ana.sql().QueryRow(`SELECT COUNT(*) FROM answers WHERE updated_by = $1`, bo.login).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("%d answers stored under %s, want the one typed once the role came", n, bo.login)
	}
}
