package main

import (
	"os/exec"
	"testing"
)

// Accessible mode on a team database reads the login's roles again when
// it refuses an answer for lack of one, as the workspace does: a role an
// owner grants while it is open is said in one line, and the answer then
// typed is saved. It used to keep the roles read at start.
func TestTeamAccessibleReadsARoleGrantedWhileOpen(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	bo := s.person("bo", "auditor")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")

	cmd := exec.Command(s.bin, "--accessible")
	cmd.Env = bo.env
	p := startInteractive(t, cmd)
	const asked = "b to go back to assessment 1's choices, q to quit:"
	waitOutput(t, &p.out, "or q to quit:", 1)
	p.say("1")
	waitOutput(t, &p.out, asked, 1)
	p.say("1")
	waitOutput(t, &p.out, "Not saved: your login "+bo.login+" has the role auditor: answers, notes and plans are changed by an analyst (an owner grants roles with assay team grant).\n", 1)
	waitOutput(t, &p.out, asked, 2)
	if r := s.admin("team", "grant", bo.login, "analyst"); r.code != 0 {
		t.Fatalf("team grant: exit %d: %s", r.code, r.errs)
	}
	p.say("1")
	waitOutput(t, &p.out, "Your login "+bo.login+" now has the role analyst and auditor.\nSaved.\n", 1)
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
