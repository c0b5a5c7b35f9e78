package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// protectionsChangedSession is verifySession with assessment 1's lock
// trigger on answers dropped behind assay's back: a protection changed,
// not a record.
func protectionsChangedSession(t *testing.T) *cliSession {
	s := verifySession(t)
	db, err := sql.Open("sqlite", "file:"+s.env["ASSAY_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`DROP TRIGGER answers_locked_update`); err != nil {
		t.Fatal(err)
	}
	return s
}

// What verify says of a dropped trigger (TestVerifyCLINamesProtectionChanged).
const protectionsChanged = "the database's protections changed, so the audit trail was not checked: the trigger answers_locked_update was dropped outside assay"

// assay history said the trail was NOT VERIFIED because of "schema: the
// trigger …", a word verify no longer uses for it: it says what verify
// says, that the protections changed and the trail was not checked.
func TestHistoryNamesProtectionChangedAsVerifyDoes(t *testing.T) {
	s := protectionsChangedSession(t)
	code, out, errOut := s.run("", "history", "1")
	want := "Audit trail of assessment 1 NOT VERIFIED: " + protectionsChanged + ". 10 records, none vouched for (all marked !)."
	if first, _, _ := strings.Cut(out, "\n"); code != 1 || first != want || errOut != "assay: "+protectionsChanged+"\n" {
		t.Fatalf("assay history 1: exit %d, stderr %q, began\n %q\nwant exit 1, stderr as verify's and\n %q", code, errOut, first, want)
	}
	code, js, _ := s.run("", "history", "1", "--json")
	if code != 1 || !strings.Contains(strings.ReplaceAll(js, `": "`, `":"`), `"why":"`+protectionsChanged+`"`) {
		t.Fatalf("assay history 1 --json (exit %d) does not give verify's words %q:\n%s", code, protectionsChanged, js)
	}
}

// assay backup refused "the copy does not verify: schema: the trigger
// …": it says what verify says, and still writes nothing.
func TestBackupNamesProtectionChangedAsVerifyDoes(t *testing.T) {
	s := protectionsChangedSession(t)
	file := filepath.Join(t.TempDir(), "copy.db")
	code, _, errOut := s.run("", "backup", file)
	want := "assay: the copy does not verify: " + protectionsChanged + " (assay verify says the same of the database); nothing was written."
	if code == 0 || !strings.HasPrefix(errOut, want) {
		t.Fatalf("exit %d, stderr %q; want it to begin %q", code, errOut, want)
	}
	if _, err := os.Stat(file); err == nil {
		t.Fatalf("the refused backup wrote %s", file)
	}
}
