package main

import (
	"os"
	"path/filepath"
	"testing"
)

// An archive flag edited with sqlite3 to a value assay never writes (7)
// is refused as set outside assay, naming the assessment and the remedy,
// not taken for an ordinary archive: the refusal is where the person
// learns the file was changed behind assay's back. An ordinary archive
// (1) is refused as archived.
func TestAnArchiveFlagEditedWithSqliteIsRefusedAsSetOutsideAssay(t *testing.T) {
	s := newCLISession(t)
	edited := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "")
	archived := s.start("vendor-tiering", "Initech", "2026-03-02", "")
	s.plant(`UPDATE assessments SET archived = 7 WHERE id = ` + edited)
	s.plant(`UPDATE assessments SET archived = 1 WHERE id = ` + archived)
	path := filepath.Join(t.TempDir(), "answers.yaml")
	if err := os.WriteFile(path, []byte("answers:\n  mfa: yes\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	s.fails("assessment "+edited+"'s archive flag is neither 0 nor 1, the only values assay writes: it was set outside assay", "answer", edited, "-f", path)
	s.fails("restores it", "answer", edited, "-f", path)
	s.fails("assessment "+archived+" is archived (set aside as started by mistake) and takes no change", "answer", archived, "-f", path)
}
