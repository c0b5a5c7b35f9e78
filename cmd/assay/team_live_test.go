package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two analysts on the team database, each under their own login. Ana has
// the workspace open; Bo records answers from another process: Ana's
// window shows them as the server announces them, with no key pressed.
// Bo then answers a question Ana answered: refused, naming Ana's login,
// until he overwrites knowingly.
func TestTeamLoginsSeeEachOthersChanges(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	bo := s.person("bo", "analyst")
	id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	write := func(p *teamPerson, name, body string) string {
		t.Helper()
		file := filepath.Join(p.dir, name+".yaml")
		if err := os.WriteFile(file, []byte("answers:\n"+body), 0o600); err != nil {
			t.Fatal(err)
		}
		return file
	}

	pane := startTmux(t, s.bin, ana.env)
	pane.waitText("Acme Cloud Ltd", "0/33")
	bo.ok("answer", id, "-f", write(bo, "first", "  data-sensitivity: \"business-contacts\"\n  attestation: \"yes\"\n  policy: \"yes\"\n"))
	pane.waitText("Acme Cloud Ltd", "3/33")
	pane.keys("Enter")
	pane.waitText("question 4 of 33")
	bo.ok("answer", id, "-f", write(bo, "second", "  personnel: {answer: \"no\", note: \"no background checks\"}\n"))
	pane.waitText(bo.login+" changed personnel", "4/33")

	// Ana, having seen Bo's answer to question 4 appear, changes it;
	// Bo, from his file, would change it back.
	pane.keys("1")
	pane.waitText("question 5 of 33", "saved")
	overAna := write(bo, "third", "  personnel: {answer: \"no\", note: \"no checks for contractors\"}\n")
	r := bo.run("answer", id, "-f", overAna)
	if r.code != 1 || !strings.Contains(r.errs, "question personnel: "+ana.login+" saved it at") || !strings.Contains(r.errs, "nothing was recorded") {
		t.Fatalf("Bo over Ana's answer: exit %d, want a refusal naming %s:\n%s%s", r.code, ana.login, r.stdout, r.errs)
	}
	bo.ok("answer", id, "-f", overAna, "--overwrite")
	pane.waitText(bo.login + " changed personnel")
	pane.keys("q")
}
