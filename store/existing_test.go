package store

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// OpenExisting creates nothing: a missing file is a NoDatabaseError and
// stays missing with its folder, an empty one stays empty, with nothing
// beside either; a database that is there opens as with Open.
func TestOpenExistingCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty.db")
	if err := os.WriteFile(empty, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path  string
		empty bool
	}{{filepath.Join(dir, "missing.db"), false}, {filepath.Join(dir, "folder", "missing.db"), false}, {empty, true}} {
		db, err := OpenExisting(c.path, questionnaires.Decode)
		var none *NoDatabaseError
		if !errors.As(err, &none) || none.Path != c.path || none.Empty != c.empty {
			t.Errorf("OpenExisting(%s) = %v, %v; want a NoDatabaseError (empty %v)", c.path, db, err, c.empty)
		}
	}
	if left, _ := os.ReadDir(dir); len(left) != 1 || left[0].Name() != "empty.db" {
		t.Errorf("OpenExisting left %v", left)
	}
	if fi, _ := os.Stat(empty); fi.Size() != 0 {
		t.Errorf("the empty file holds %d bytes", fi.Size())
	}
	path := tempPath(t)
	made, err := Open(path, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	made.Close()
	db, err := OpenExisting(path, questionnaires.Decode)
	if err != nil {
		t.Fatalf("OpenExisting of a database that is there: %v", err)
	}
	db.Close()
}

// OpenEmpty reads as a new database (no assessments, an ID not found)
// and refuses every write.
func TestOpenEmptyReadsNothingAndWritesNothing(t *testing.T) {
	db, err := OpenEmpty("/nowhere/assay.db", questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	n := 0
	if err := db.EachAssessment(as("Ana Analyst"), assess.Filter{IncludeArchived: true}, func(*assess.Assessment) error { n++; return nil }); err != nil || n != 0 {
		t.Errorf("EachAssessment: %d, %v", n, err)
	}
	if _, err := db.Assessment(as("Ana Analyst"), 1); assess.ErrorCode(err) != assess.ENotFound {
		t.Errorf("Assessment(1): %v, want not found", err)
	}
	_, q := testDB(t)
	if err := db.CreateAssessment(as("Ana Analyst"), &assess.Assessment{Subject: "Acme", SubjectKind: "vendor", Questionnaire: q, AssessedOn: day("2026-03-01")}); err == nil {
		t.Error("CreateAssessment into the empty portfolio succeeded")
	}
	if _, err := os.Lstat("/nowhere"); !os.IsNotExist(err) {
		t.Errorf("/nowhere: %v", err)
	}
}
