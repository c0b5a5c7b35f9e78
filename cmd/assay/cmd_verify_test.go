package main

import (
	"database/sql"
	"strings"
	"testing"
)

// tamper runs SQL on the session's database behind assay's back.
func (s *cliSession) tamper(stmt string) {
	s.t.Helper()
	db, err := sql.Open("sqlite", "file:"+s.env["ASSAY_DB"])
	if err != nil {
		s.t.Fatal(err)
	}
	defer db.Close()
	res, err := db.Exec(stmt)
	if err != nil {
		s.t.Fatalf("%s: %v", stmt, err)
	}
	if n, _ := res.RowsAffected(); n != 1 {
		s.t.Fatalf("%s changed %d rows", stmt, n)
	}
}

// Assessment 1's trail: 1 create, 2-8 the seven answers, 9 the submission's
// signature, 10 its status. Assessment 2: create and one answer. Two
// subjects, one creation record each: 14 records.
func verifySession(t *testing.T) *cliSession {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", tieringAnswers)
	s.ok("review", id, "--submit")
	s.start("vendor-tiering", "Globex", "2026-03-01", "mfa: yes")
	return s
}

func TestVerifyCLI(t *testing.T) {
	s := verifySession(t)
	// Ledger: genesis, then one entry per change: assessment 1 created, 7
	// answers in one file, the submission; assessment 2 created, answered.
	ledger := "Ledger intact: 6 entries, signed by Test Reviewer (your key " + s.keyID() + ").\n"
	if out := s.ok("verify"); out != "Audit trail intact: 2 assessments, 2 subjects, 14 records checked.\n"+ledger {
		t.Fatalf("verify: %q", out)
	}
	one := "Ledger intact: 6 entries linked; the 2 entries signing assessment 2 verified, signed by Test Reviewer (your key " + s.keyID() + ").\n"
	if out := s.ok("verify", "2"); out != "Audit trail intact: 1 assessment, 2 records checked.\n"+one {
		t.Fatalf("verify 2: %q", out)
	}
	s.fails("no assessment with ID 7", "verify", "7")
}

func TestVerifyCLINamesUpdatedRecord(t *testing.T) {
	s := verifySession(t)
	// Rewrite the MFA answer (record 5: create, data-class, outage-impact,
	// substitutable, mfa) as if it had always been "yes".
	s.tamper(`UPDATE events SET new_value = replace(new_value, '["no"]', '["yes"]') WHERE assessment_id = 1 AND seq = 5`)
	code, out, errOut := s.run("", "verify")
	want := "assay: audit trail broken: assessment 1, audit record 5 (event id 5): the record was altered: its hash does not match its content (answer mfa by Test Reviewer at "
	if code != 1 || out != "" || !strings.HasPrefix(errOut, want) {
		t.Fatalf("exit %d, stdout %q, stderr %q; want exit 1 and %q", code, out, errOut, want)
	}
	if code, _, errOut := s.run("", "verify", "1"); code != 1 || !strings.HasPrefix(errOut, want) {
		t.Fatalf("verify 1: exit %d, %q", code, errOut)
	}
	s.ok("verify", "2")
}

// A lock trigger dropped is a protection changed, not a broken trail:
// verify says so, and that the trail was not checked, exiting 1.
func TestVerifyCLINamesProtectionChanged(t *testing.T) {
	s := verifySession(t)
	db, err := sql.Open("sqlite", "file:"+s.env["ASSAY_DB"])
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DROP TRIGGER answers_locked_update`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	code, _, errOut := s.run("", "verify")
	want := "assay: the database's protections changed, so the audit trail was not checked: the trigger answers_locked_update was dropped outside assay\n"
	if code != 1 || errOut != want {
		t.Fatalf("exit %d, stderr %q; want exit 1 and %q", code, errOut, want)
	}
}

func TestVerifyCLINamesDeletedRecord(t *testing.T) {
	s := verifySession(t)
	s.tamper(`DELETE FROM events WHERE assessment_id = 1 AND seq = 9`)
	code, _, errOut := s.run("", "verify")
	want := "assay: audit trail broken: assessment 1, audit record 9: the record is missing (deleted): record 10 follows record 8\n"
	if code != 1 || errOut != want {
		t.Fatalf("exit %d, stderr %q; want exit 1 and %q", code, errOut, want)
	}
	s2 := verifySession(t)
	s2.tamper(`DELETE FROM events WHERE assessment_id = 1 AND seq = 10`)
	code, _, errOut = s2.run("", "verify")
	want = "assay: audit trail broken: assessment 1, audit record 10: the record is missing (deleted): the trail ends at record 9 but 10 were written\n"
	if code != 1 || errOut != want {
		t.Fatalf("last record: exit %d, stderr %q; want %q", code, errOut, want)
	}
}
