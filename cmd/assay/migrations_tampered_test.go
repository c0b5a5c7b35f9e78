package main

import (
	"strings"
	"testing"
)

// A database whose record of applied migrations was edited outside assay
// (a row of schema_migrations deleted with sqlite3, while the tables that
// migration made are still there) is named as changed outside assay, in
// words, and left as it was; SQLite's "SQL logic error: duplicate column
// name" from running the migration again told the person nothing. A
// command that only reads says that nothing could be read, as its other
// failures do; one that writes that nothing was recorded.
func TestAMigrationRecordRemovedIsNamedInWords(t *testing.T) {
	s := newCLISession(t)
	s.ok("subject", "add", "Acme")
	s.plant(`DELETE FROM schema_migrations WHERE version = (SELECT MAX(version) FROM schema_migrations)`)
	before := s.dbDigest()
	const couldNot, notRecorded = "nothing could be read", "nothing was recorded"
	for _, c := range []struct {
		args           []string
		undone, notSay string
	}{
		{[]string{"list"}, couldNot, notRecorded},
		{[]string{"verify"}, couldNot, notRecorded},
		{[]string{"subject", "add", "Globex"}, notRecorded, couldNot},
	} {
		code, _, errOut := s.run("", c.args...)
		if code == 0 || !strings.Contains(errOut, "changed outside assay") || !strings.Contains(errOut, "assay.db") ||
			strings.Contains(errOut, "SQL logic error") {
			t.Errorf("assay %s: exit %d, stderr %q; want the database named as changed outside assay, in words", c.args[0], code, errOut)
		}
		if !strings.Contains(errOut, c.undone) || strings.Contains(errOut, c.notSay) {
			t.Errorf("assay %s: stderr %q; want it to say %q", strings.Join(c.args, " "), errOut, c.undone)
		}
	}
	if s.dbDigest() != before {
		t.Error("the database was changed")
	}
}
