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

// A CSV plan pins nothing; one whose cell held a record line on a line
// of its own (an acceptance reason with a line break) was read as a
// Markdown report pinning that record. It is refused, saying which files
// pin a record.
func TestVerifyAgainstRefusesACSVPlan(t *testing.T) {
	s := newCLISession(t)
	id := s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	dir := t.TempDir()
	c := s.copiesOf(id, dir)
	plan := filepath.Join(dir, "plan.csv")
	s.ok("report", id, "--format", "csv", "-o", plan)
	b, err := os.ReadFile(plan)
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(c.report)
	if err != nil {
		t.Fatal(err)
	}
	line := regexp.MustCompile(`(?s)- \*\*Record:\*\*.*?only added to it\.`).Find(md)
	quoted := string(b) + "\"1\",\"Acme Cloud Ltd\",\"mfa\",\"x\n" + string(line) + "\"\r\n"
	s.fails("a CSV plan, which pins no record", "verify", "--against", writeFile(t, dir, "quoted.csv", quoted))
}

// The database given to --against is named for what it is, not read as
// a report without a record line (up to 16 MiB of it).
func TestVerifyAgainstTheDatabaseItself(t *testing.T) {
	s := newCLISession(t)
	s.start("vendor-tiering", "Acme Cloud Ltd", "2026-03-01", "mfa: no")
	s.fails("is this assay database (or one of its own files), not a copy made from it", "verify", "--against", s.env["ASSAY_DB"])
}
