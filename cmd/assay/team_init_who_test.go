package main

import (
	"strings"
	"testing"
)

// assay team init is the owner's, or the server administrator's: an
// analyst running it is told so in words, not with the server's "must
// have admin option on role assay_owner", and nothing changes. An owner
// without CREATEROLE runs it after an upgrade, as docs/team.md says.
func TestTeamInitByALoginThatMayNotSaysWhoMay(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	own := s.person("own", "owner")
	r := ana.run("team", "init")
	if r.code != 1 {
		t.Fatalf("an analyst's assay team init: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
	for _, want := range []string{"login " + ana.login + " may not set up or upgrade", "owner", "CREATEROLE", "nothing was changed"} {
		if !strings.Contains(r.errs, want) {
			t.Errorf("the refusal does not say %q:\n%s", want, r.errs)
		}
	}
	if strings.Contains(r.errs, "admin option") || strings.Contains(r.stdout, "GRANT") {
		t.Errorf("the refusal is the server's, or something ran:\n%s%s", r.stdout, r.errs)
	}
	if out := ana.ok("team", "list"); strings.Contains(firstLineWith(out, ana.login), "owner") {
		t.Errorf("the analyst became an owner:\n%s", out)
	}
	if out := own.ok("team", "init"); !strings.Contains(out, "nothing to do") {
		t.Errorf("the owner's assay team init on an up-to-date database printed %q", out)
	}
}

func firstLineWith(text, s string) string {
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, s) {
			return line
		}
	}
	return ""
}
