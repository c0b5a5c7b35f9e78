package main

import (
	"strings"
	"testing"
)

// An assessment whose questionnaire snapshot was deleted outside assay
// (sqlite3, foreign keys off) is named so by every command that reads it,
// as verify names it, not with database/sql's "sql: no rows in result set".
func TestADeletedSnapshotIsNamedInWords(t *testing.T) {
	s := newCLISession(t)
	id := s.startBuiltin("vendor-security-screen", "Acme", "2026-03-01", "mfa: no")
	s.plant(`PRAGMA foreign_keys = OFF; DELETE FROM questionnaire_snapshots`)
	for _, args := range [][]string{{"score", id}, {"report", id}, {"plan", id}, {"verify"}} {
		code, _, errOut := s.run("", args...)
		if code == 0 || !strings.Contains(errOut, "not in the database") || strings.Contains(errOut, "sql: ") {
			t.Errorf("assay %s: exit %d, stderr %q; want the snapshot named as not in the database", strings.Join(args, " "), code, errOut)
		}
	}
}
