package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An export whose subject's signed head and record were taken from an
// older export of the same assessment showed the subject's owner and
// tier from before the assessment's later changes, and assay verify
// --against vouched for its content. It now fails naming head.subject.
// Imported into another database, which does not hold the ledger to
// place the two heads, the import says that this was not checked, and
// where it can be.
func TestVerifyAgainstAnExportWithAnOlderSubjectHead(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	dir := t.TempDir()
	s.ok("subject", "edit", "Acme Cloud Ltd", "--owner", "Nobody in particular", "--tier", "low")
	older := filepath.Join(dir, "older.json")
	s.ok("export", id, "-o", older)
	s.ok("subject", "edit", "Acme Cloud Ltd", "--owner", "Vendor management", "--tier", "critical")
	s.ok("answer", id, "-f", writeFile(t, dir, "again.yaml", "answers:\n  mfa: partial\n"), "--overwrite")
	now := filepath.Join(dir, "now.json")
	s.ok("export", id, "-o", now)

	read := func(name string) map[string]json.RawMessage {
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	file, was := read(now), read(older)
	var head, oldHead map[string]json.RawMessage
	if err := json.Unmarshal(file["head"], &head); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(was["head"], &oldHead); err != nil {
		t.Fatal(err)
	}
	head["subject"] = oldHead["subject"]
	file["subject_record"] = was["subject_record"]
	var err error
	if file["head"], err = json.Marshal(head); err != nil {
		t.Fatal(err)
	}
	forged, err := json.Marshal(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(forged), "Nobody in particular") {
		t.Fatalf("the forged file does not carry the older record:\n%s", forged)
	}
	forgedFile := writeFile(t, dir, "forged.json", string(forged))
	s.fails("head.subject: is the subject's signed head of ledger entry", "verify", "--against", forgedFile)
	s.ok("verify", "--against", now)
	s.ok("verify", "--against", older)

	other := newTrustingSession(t, s)
	out := other.ok("import", forgedFile)
	if !strings.Contains(out, "cannot check that they were still the subject's then") || !strings.Contains(out, "assay verify --against") {
		t.Errorf("the import into another database does not say what it could not check:\n%s", out)
	}
}

// An export pins its assessment's head; its subject's head was not held
// to the database, so once the database was rolled back to before a
// subject edit the export carries (a backup restored), verify --against
// the export passed, as the assessment's head was still there. It now
// fails saying the database no longer holds the entry that signed the
// subject's head.
func TestVerifyAgainstAnExportAfterTheSubjectWasRolledBack(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	backup := filepath.Join(t.TempDir(), "backup.db")
	copyDB(t, s.env["ASSAY_DB"], backup)
	s.ok("subject", "edit", "Acme Cloud Ltd", "--owner", "Vendor management", "--tier", "critical")
	exported := filepath.Join(t.TempDir(), "export.json")
	s.ok("export", id, "-o", exported)
	s.ok("verify", "--against", exported)

	copyDB(t, backup, s.env["ASSAY_DB"])
	s.fails("the database no longer holds ledger entry", "verify", "--against", exported)
}
