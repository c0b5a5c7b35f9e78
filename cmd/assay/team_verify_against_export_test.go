package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// On a team's database verify --against an export checks its content as
// on a personal one (TestVerifyAgainstChecksAnExportsContent), with the
// keys the person trusts: the export as made passes, one whose subject
// was edited fails naming the field.
func TestTeamVerifyAgainstChecksAnExportsContent(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	file := filepath.Join(ana.dir, "acme.json")
	ana.ok("export", id, "-o", file)
	if out := ana.ok("verify", "--against", file); !strings.Contains(out, "was checked as assay import checks an export:") {
		t.Errorf("verify --against the export as made:\n%s", out)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	edited := filepath.Join(ana.dir, "edited.json")
	if err := os.WriteFile(edited, []byte(strings.Replace(string(b), `"subject": "Acme Cloud Ltd"`, `"subject": "Acme Cloud Inc"`, 1)), 0o600); err != nil {
		t.Fatal(err)
	}
	r := ana.run("verify", "--against", edited)
	if r.code != 1 || !strings.Contains(r.errs, "the content of the export is not as assay wrote it: assessment.subject:") {
		t.Errorf("verify --against an edited export: exit %d\n%s%s", r.code, r.stdout, r.errs)
	}
}
