package main

import (
	"io"
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
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var out lockedBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	}()
	const asked = "b to go back to assessment 1's choices, q to quit:"
	waitOutput(t, &out, "or q to quit:", 1)
	io.WriteString(stdin, "1\n")
	waitOutput(t, &out, asked, 1)
	io.WriteString(stdin, "1\n")
	waitOutput(t, &out, "Not saved: your login "+bo.login+" has the role auditor: answers, notes and plans are changed by an analyst (an owner grants roles with assay team grant).\n", 1)
	waitOutput(t, &out, asked, 2)
	if r := s.admin("team", "grant", bo.login, "analyst"); r.code != 0 {
		t.Fatalf("team grant: exit %d: %s", r.code, r.errs)
	}
	io.WriteString(stdin, "1\n")
	waitOutput(t, &out, "Your login "+bo.login+" now has the role analyst and auditor.\nSaved.\n", 1)
	io.WriteString(stdin, "q\n")
	stdin.Close()
	if err := cmd.Wait(); err != nil {
		t.Fatalf("assay --accessible: %v\n%s", err, out.String())
	}
	var n int
	if err := ana.sql().QueryRow(`SELECT COUNT(*) FROM answers WHERE updated_by = $1`, bo.login).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 1 {
		t.Errorf("%d answers stored under %s, want the one typed once the role came", n, bo.login)
	}
}
