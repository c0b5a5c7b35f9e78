package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An approver (who may not answer questions) answering a question an
// analyst already answered is told the real reason at once: the role.
// Told first to give --overwrite, they would try again only to meet the
// refusal that could never have gone through.
func TestTeamApproverAnsweringAnotherOnesAnswerIsRefusedForTheRoleFirst(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	dee := s.person("dee", "approver")
	id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	ana.ok("answer", id, "-f", writeAnswers(t, "mfa: no"))
	file := writeAnswers(t, "mfa: yes")
	refusedForTheRoleFirst(t, ana, dee, id, "may not answer questions (it has the role approver)",
		[]string{"answer", id, "-f", file}, []string{"answer", id, "-f", file, "--overwrite"})
}

// The same for the remediation plan: an approver (who may not change
// it) setting the owner of an item an analyst set is told the role, not
// to give --overwrite.
func TestTeamApproverChangingAnotherOnesPlanItemIsRefusedForTheRoleFirst(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	dee := s.person("dee", "approver")
	id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	ana.ok("answer", id, "-f", writeAnswers(t, "mfa: no"))
	ana.ok("plan", id, "--item", "mfa", "--owner", "IT")
	refusedForTheRoleFirst(t, ana, dee, id, "may not change remediation plans (it has the role approver)",
		[]string{"plan", id, "--item", "mfa", "--owner", "Security"}, []string{"plan", id, "--item", "mfa", "--owner", "Security", "--overwrite"})
}

// refusedForTheRoleFirst runs each of tries as dee over what ana wrote
// in assessment id: each must exit 1 with the server's refusal for the
// role (login, then refusal), never ask for --overwrite or name ana's
// change, and leave the trail as it was.
func refusedForTheRoleFirst(t *testing.T, ana, dee *teamPerson, id, refusal string, tries ...[]string) {
	t.Helper()
	before := ana.ok("history", id)
	for _, args := range tries {
		r := dee.run(args...)
		if r.code != 1 || !strings.Contains(r.errs, "login "+dee.login+" "+refusal) {
			t.Errorf("%s: assay %s: exit %d, want 1 and the role's refusal\n%s%s", dee.login, strings.Join(args, " "), r.code, r.stdout, r.errs)
		}
		if strings.Contains(r.errs, "--overwrite") || strings.Contains(r.errs, ana.login) {
			t.Errorf("%s: assay %s asks for --overwrite or names the other's change, which could never go through:\n%s", dee.login, strings.Join(args, " "), r.errs)
		}
	}
	if after := ana.ok("history", id); after != before {
		t.Errorf("the refused changes changed the trail:\n%s\nwas:\n%s", after, before)
	}
}

// writeAnswers writes an answers file holding body under answers:.
func writeAnswers(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(path, []byte("answers:\n  "+body+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}
