package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An archive flag of 7, which an older team server let a login write in
// psql and which assay never writes, as a person meets it once the
// server holds the flag to 0 or 1 (schema 014, added NOT VALID over such
// rows): assay list leaves the assessment out unless asked for archived
// ones, and marks it archived then; report reads it; verify names it and
// exits 1, and history shows its trail, archived and not verified, for
// that reason; an answer to it is refused saying how to put it right,
// and nothing is recorded.
func TestTeamArchiveFlagSetOutsideAssayReadsAsArchived(t *testing.T) {
	s := newTeamServer(t)
	ana := s.person("ana", "analyst")
	id := strings.TrimSpace(ana.ok("new", "-q", "vendor-security-screen", "-s", "Acme Cloud Ltd", "--date", "2026-03-01"))
	ana.ok("new", "-q", "vendor-security-screen", "-s", "Kept Ltd", "--date", "2026-03-01")
	tx, err := s.raw.Begin()
	must(t, err)
	for _, stmt := range []string{
		`ALTER TABLE assessments DROP CONSTRAINT assay_archived_is_0_or_1`,
		`UPDATE assessments SET archived = 7 WHERE id = ` + id,
		`ALTER TABLE assessments ADD CONSTRAINT assay_archived_is_0_or_1 CHECK (archived IN (0, 1)) NOT VALID`,
	} {
		if _, err := tx.Exec(stmt); err != nil {
			_ = tx.Rollback()
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	must(t, tx.Commit())

	if out := ana.ok("list"); strings.Contains(out, "Acme Cloud Ltd") || !strings.Contains(out, "Kept Ltd") {
		t.Errorf("assay list shows the assessment archived as 7, or not the kept one:\n%s", out)
	}
	if out := ana.ok("list", "--all"); !strings.Contains(out, "draft (archived)") || strings.Count(out, "(archived)") != 1 {
		t.Errorf("assay list --all does not mark the assessment archived as 7, alone, archived:\n%s", out)
	}
	if out := ana.ok("report", id); !strings.Contains(out, "Acme Cloud Ltd") {
		t.Errorf("assay report %s does not read it:\n%s", id, out)
	}
	why := "assessment " + id + ": its archive flag is 7, which assay never writes (0 kept, 1 archived), so it was changed outside assay"
	r := ana.run("verify")
	if r.code != 1 || !strings.Contains(r.stdout+r.errs, why) {
		t.Errorf("assay verify: exit %d, want 1 saying %q:\n%s%s", r.code, why, r.stdout, r.errs)
	}
	// history shows the trail, as it shows any trail verify breaks.
	r = ana.run("history", id)
	if head := "Audit trail of assessment " + id + " (archived) NOT VERIFIED: " + why; r.code != 1 || !strings.Contains(r.stdout, head) || !strings.Contains(r.stdout, "assessment created") {
		t.Errorf("assay history %s: exit %d, want 1 with the trail under %q:\n%s%s", id, r.code, head, r.stdout, r.errs)
	}

	yes := filepath.Join(ana.dir, "yes.yaml")
	must(t, os.WriteFile(yes, []byte("answers:\n  attestation: \"yes\"\n"), 0o600))
	r = ana.run("answer", id, "-f", yes)
	for _, says := range []string{"assessment " + id + "'s archive flag is neither 0 nor 1", "set outside assay", "nothing was recorded", "restores it"} {
		if r.code == 0 || !strings.Contains(r.errs, says) {
			t.Errorf("assay answer %s: exit %d, want a refusal saying %q:\n%s%s", id, r.code, says, r.stdout, r.errs)
		}
	}
	if r := ana.run("history", id); strings.Contains(r.stdout, "attestation") {
		t.Errorf("the refused answer was recorded:\n%s", r.stdout)
	}
}
