package main

import (
	"strings"
	"testing"
)

// The workspace of a login without the analyst role says so when it
// starts, and refuses answers before they show (tui's test of the
// refusal); an analyst's says nothing of it. Accessible mode, which
// prints what the workspace knows, shows it through the built binary.
func TestWorkspaceOfALoginThatMayNotAnswerSaysSo(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	dee := s.person("dee", "approver")
	audrey := s.person("audrey", "auditor")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01")
	for _, c := range []struct {
		p    *teamPerson
		want string
	}{
		{dee, "Your login " + dee.login + " has the role approver: answers, notes and plans are changed by an analyst"},
		{audrey, "Your login " + audrey.login + " has the role auditor: answers, notes and plans are changed by an analyst"},
		{ana, ""},
	} {
		r := c.p.run("--accessible")
		if r.code != 0 {
			t.Fatalf("%s: exit %d\n%s%s", c.p.login, r.code, r.stdout, r.errs)
		}
		if c.want == "" && strings.Contains(r.stdout, "are changed by an analyst") || c.want != "" && !strings.Contains(r.stdout, c.want) {
			t.Errorf("%s's accessible workspace:\n%s\nwant %q", c.p.login, r.stdout, c.want)
		}
	}
}
