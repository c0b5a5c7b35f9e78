package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// An analyst importing a colleague's export brings in answers and audit
// records under the colleague's name, which only the owner role may: the
// refusal says so, and that nothing was imported, rather than only the
// server's "a change must name the login that makes it".
func TestTeamImportOfAnotherLoginsHistoryTakesTheOwnerRole(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	own := s.person("own", "owner", "analyst")

	// Carl's assessment, answered on his personal file, and exported.
	carlDir := t.TempDir()
	carl := procEnv(carlDir, filepath.Join(carlDir, "carl.db"))
	bin := assayBinary(t)
	answers := writeFile(t, carlDir, "answers.yaml", "answers:\n  purpose: Payroll for 300 staff.\n")
	export := filepath.Join(carlDir, "payroll.json")
	for _, args := range [][]string{
		{"new", "-q", "dpia", "-s", "Payroll system", "--date", "2026-03-01"},
		{"answer", "1", "-f", answers},
		{"export", "1", "-o", export},
	} {
		if r := runProc(bin, carl, args...); r.code != 0 {
			t.Fatalf("carl: assay %s: exit %d: %s", strings.Join(args, " "), r.code, r.errs)
		}
	}
	carlKey := publicKey(runProc(bin, carl, "key").stdout)
	ana.ok("key", "trust", "Dana Reyes", carlKey)
	own.ok("key", "trust", "Dana Reyes", carlKey)

	r := ana.run("import", export)
	if r.code == 0 {
		t.Fatalf("an analyst imported history recorded under another name:\n%s", r.stdout)
	}
	for _, want := range []string{"Dana Reyes", "owner role", "nothing was imported"} {
		if !strings.Contains(r.errs, want) {
			t.Errorf("the refusal does not say %q:\n%s", want, r.errs)
		}
	}
	if out := ana.ok("list"); strings.Contains(out, "Payroll") {
		t.Errorf("the refused import left an assessment:\n%s", out)
	}
	// The owner brings it in.
	if out := own.ok("import", export); !strings.Contains(out, "1") {
		t.Errorf("the owner's import printed %q", out)
	}
	if out := ana.ok("list"); !strings.Contains(out, "Payroll") {
		t.Errorf("after the owner's import the list shows no Payroll:\n%s", out)
	}
}
