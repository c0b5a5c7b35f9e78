package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// assay history's text pins nothing, but a note quoting a report's
// record line is shown in it as typed: verify --against took that quote
// for the file's pin and said the database still held the record the
// file pinned. Only a report's own record line is read now.
func TestVerifyAgainstIgnoresARecordLineQuotedInANote(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	dir := t.TempDir()
	report := filepath.Join(dir, "report.md")
	s.ok("report", id, "-o", report, "--as-of", "2026-03-20")
	b, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`(?s)\*\*Record:\*\*.*?only added to it\.`).Find(b)
	if line == nil {
		t.Fatalf("no record line in the report:\n%s", b)
	}
	quote, err := json.Marshal(strings.Join(strings.Fields(string(line)), " "))
	if err != nil {
		t.Fatal(err)
	}
	s.ok("answer", id, "-f", writeFile(t, dir, "note.yaml", "answers:\n  mfa:\n    note: "+string(quote)+"\n"))
	history := filepath.Join(dir, "history.md")
	s.ok("history", id, "-o", history)
	s.fails("no record line", "verify", "--against", history)
	s.ok("verify", "--against", report)
}
