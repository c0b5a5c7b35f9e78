package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// assay import into another database said, of nearly every assessment,
// that its subject's record was signed before the assessment's last
// change and could not be checked here: true, since a subject is usually
// edited before its assessment is, but said too where it told nothing.
// The file's record is used only when the import creates the subject; a
// subject already here keeps its own, so of a second assessment of the
// same vendor the note doubted a record the import never used. The note
// is now said only when the import created the subject with the file's
// record, and names what it placed (owner and tier here).
func TestImportSaysOfTheSubjectsRecordOnlyWhatItPlaced(t *testing.T) {
	s := newCLISession(t)
	dir := t.TempDir()
	first := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "")
	s.ok("subject", "edit", "Acme Cloud Ltd", "--owner", "Vendor management", "--tier", "high")
	s.ok("answer", first, "-f", writeFile(t, dir, "first.yaml", "answers:\n  mfa: no\n"))
	firstFile := filepath.Join(dir, "first.json")
	s.ok("export", first, "-o", firstFile)
	second := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-02", "mfa: partial")
	secondFile := filepath.Join(dir, "second.json")
	s.ok("export", second, "-o", secondFile)

	other := newTrustingSession(t, s)
	out := other.ok("import", firstFile)
	if !strings.Contains(out, "the subject Acme Cloud Ltd is new here, with the owner and tier the file carries") ||
		!strings.Contains(out, "assay verify --against "+firstFile) {
		t.Errorf("the import that created the subject with its owner and tier does not say so:\n%s", out)
	}
	if out := other.ok("import", secondFile); strings.Contains(out, "subject") {
		t.Errorf("the import of a second assessment of a subject already here speaks of the record it did not use:\n%s", out)
	}
}
