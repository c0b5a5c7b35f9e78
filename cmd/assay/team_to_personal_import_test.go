package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// An assessment exported from the team database, imported into a
// person's own file: refused, naming the file and the key, until its
// signer's key is trusted there; then imported whole, verified, and its
// report's provenance names the key by the name it is trusted under.
func TestTeamExportImportsIntoAPersonalDatabase(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud", "--date", "2026-03-01")
	file := filepath.Join(t.TempDir(), "acme.json")
	ana.ok("export", "1", "-o", file)

	me := newCLISession(t)
	me.start("vendor-tiering", "Initech", "2026-03-01", "mfa: yes")
	before := me.dbDigest()
	code, _, errOut := me.run("", "import", file)
	for _, want := range []string{file + ": head.assessment.key: the file is signed by", "assay key trust", "nothing was imported"} {
		if code != 1 || !strings.Contains(errOut, want) {
			t.Errorf("import of a team export before its key is trusted: exit %d, %s\nwant it to say %q", code, errOut, want)
		}
	}
	if me.dbDigest() != before {
		t.Error("the refused import changed the database")
	}
	me.ok("key", "trust", "Ana at the office", publicKey(ana.ok("key")))
	me.ok("import", file)
	if out := me.ok("verify"); !strings.HasPrefix(out, "Audit trail intact") {
		t.Errorf("verify after importing a team export: %s", out)
	}
	if report := strings.Join(strings.Fields(me.ok("report", "2")), " "); !strings.Contains(report, "signed with the key trusted here as Ana at the office") {
		t.Errorf("the report's provenance does not name the trusted key:\n%s", report)
	}
}
