package main

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// store/testdata/invisible-names.sql is the dump (sqlite3 .dump) of a
// database written with its own commands by the assay just before names
// refused invisible characters (commit 6ec5c0f): subject "Ac<ZWSP>me
// Cloud", owned by "Procure<SHY>ment", contact "sec<WJ>urity@acme.example";
// assessment 1 approved, 2 in review, each with plan item mfa owned by
// "Sam<ZWSP>Ortiz"; created and submitted by "Dana<SHY>Reyes", 1 approved
// by "Rui<SHY>Costa". Its ledger is signed by Dana's key, below.
// testdata/oldnames/*.assay.json are the same assay's exports of 1 and 2.
const (
	oldSubject  = "Ac\u200bme Cloud"
	oldOwner    = "Procure\u00adment"
	oldSigner   = "Dana\u00adReyes"
	oldSignerPK = "ed25519:GUJuyIPJIePRS1SnXWf7p3cMQ+qVfgiUENmPNUuPYEk="
)

// olderInvisibleNames is a session on that database, trusting its key.
func olderInvisibleNames(t *testing.T) *cliSession {
	t.Helper()
	s := newCLISession(t)
	loadDump(t, filepath.Join("..", "..", "store", "testdata", "invisible-names.sql"), s.env["ASSAY_DB"])
	s.ok("key", "trust", oldSigner, oldSignerPK)
	return s
}

// recordedSubject checks that subject 1 holds its name, owner and contact
// as the older assay recorded them.
func (s *cliSession) recordedSubject() {
	s.t.Helper()
	db, err := sql.Open("sqlite", "file:"+s.env["ASSAY_DB"]+"?mode=ro")
	if err != nil {
		s.t.Fatal(err)
	}
	defer db.Close()
	var name, owner, contacts string
	if err := db.QueryRow(`SELECT name, owner, contacts FROM subjects WHERE id = 1`).Scan(&name, &owner, &contacts); err != nil {
		s.t.Fatal(err)
	}
	if name != oldSubject || owner != oldOwner || contacts != "[\"sec\u2060urity@acme.example\"]" {
		s.t.Errorf("subject 1 holds %q, owner %q, contacts %q; want them as recorded", name, owner, contacts)
	}
}

// Names an older assay recorded with characters that show as nothing are
// the user's recorded work: export and import carry them as recorded.
func TestNamesRecordedWithInvisibleCharactersExportAndImport(t *testing.T) {
	s := olderInvisibleNames(t)
	s.ok("verify")
	dir := t.TempDir()
	other := newTrustingSession(t, s)
	other.ok("key", "trust", oldSigner, oldSignerPK)
	for _, id := range []string{"1", "2"} {
		out := filepath.Join(dir, id+".assay.json")
		s.ok("export", id, "-o", out)
		other.ok("import", out)
	}
	other.recordedSubject()
	other.ok("verify")
	s.ok("report", "1", "-o", filepath.Join(dir, "report.md"))
	s.ok("backup", filepath.Join(dir, "backup.db"))
}

// A subject whose recorded name holds one is edited without renaming it;
// a name given anew is refused as ever, and so is a rename that keeps the
// character.
func TestSubjectRecordedWithInvisibleCharactersIsEdited(t *testing.T) {
	s := olderInvisibleNames(t)
	s.ok("subject", "edit", oldSubject, "--tier", "critical")
	s.ok("subject", "edit", "1", "--notes", "Renewal in May")
	s.ok("subject", "edit", "1", "--owner", oldOwner, "--contact", "sec\u2060urity@acme.example", "--contact", "dpo@acme.example")
	digest := s.dbDigest()
	s.fails("subject owner holds an invisible character (U+00AD)", "subject", "edit", "1", "--owner", "Procure\u00adment Team")
	s.fails("subject name holds an invisible character (U+200B)", "subject", "edit", "1", "--name", oldSubject+" Ltd")
	s.fails("contact holds an invisible character (U+2060)", "subject", "edit", "1", "--contact", "d\u2060po@acme.example")
	s.fails("subject name holds an invisible character (U+200B)", "--questionnaires", testdataQuestionnaires, "new", "-q", "vendor-tiering", "-s", "Acme\u200b Cloud", "--date", "2026-05-01")
	if s.dbDigest() != digest {
		t.Error("a refused name changed the database")
	}
	s.ok("verify")
}

// A new assessment of the subject, given by its recorded name or its ID.
func TestNewAssessmentOfASubjectRecordedWithAnInvisibleCharacter(t *testing.T) {
	s := olderInvisibleNames(t)
	id := strings.TrimSpace(s.ok("--questionnaires", testdataQuestionnaires, "new", "-q", "vendor-tiering", "-s", oldSubject, "--date", "2026-05-01"))
	if out := s.ok("subject", "show", "1"); !strings.Contains(out, id) {
		t.Errorf("assessment %s is not the recorded subject's:\n%s", id, out)
	}
	s.ok("verify")
}

// The plan item owned under the old name is edited without retyping its
// owner, and the assessment in review is approved and revised.
func TestPlanAndReviewOfAnAssessmentRecordedWithInvisibleNames(t *testing.T) {
	s := olderInvisibleNames(t)
	s.ok("plan", "2", "--item", "mfa", "--due", "2026-12-30", "--reason", "Vendor's rollout in December")
	s.ok("plan", "2", "--item", "mfa", "--owner", "Sam\u200bOrtiz", "--status", "in-progress")
	s.fails("owner holds an invisible character (U+200B)", "plan", "2", "--item", "mfa", "--owner", "Sam\u200bOrtiz Jr")
	s.ok("review", "2", "--approve", "--comment", "Agreed")
	s.ok("revise", "1")
	s.ok("verify")
}

// The exports the older assay made import as they are, signed by a key
// the reader trusts.
func TestOlderExportsWithInvisibleNamesImport(t *testing.T) {
	s := newCLISession(t)
	s.ok("key", "trust", oldSigner, oldSignerPK)
	for _, f := range []string{"approved.assay.json", "in-review.assay.json"} {
		s.ok("import", filepath.Join("testdata", "oldnames", f))
	}
	s.recordedSubject()
	s.ok("verify")
}

// A character that shows as nothing took a cell in the lists' columns
// (a tab writer counts characters): every column after "Ac<ZWSP>me
// Cloud" stood one cell left of its heading in a terminal. Lists show a
// name as a terminal draws it, without such characters, which the name
// is still found by (assay subject show "Acme Cloud").
func TestListsAlignNamesRecordedWithInvisibleCharacters(t *testing.T) {
	s := olderInvisibleNames(t)
	for _, args := range [][]string{{"subject", "list"}, {"list"}, {"plan", "1"}} {
		out := s.ok(args...)
		if strings.ContainsAny(out, "\u200b\u00ad\u2060") {
			t.Errorf("assay %s shows an invisible character, which takes a column in the table but no cell on the screen:\n%q", strings.Join(args, " "), out)
		}
	}
	if out := s.ok("subject", "list"); !strings.Contains(out, "1   Acme Cloud  vendor  high  Procurement  2") {
		t.Errorf("subject list:\n%s", out)
	}
	s.ok("subject", "show", "Acme Cloud")
}
