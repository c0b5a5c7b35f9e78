package store

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/internal/testfixture"
	"github.com/assay-dev/assay/questionnaires"
)

// holdWriteLock takes the database's write lock from a second handle, as
// another assay process in the middle of a write would, and returns the
// function that lets it go.
func holdWriteLock(t *testing.T, path string) (release func()) {
	t.Helper()
	return testfixture.HoldWriteLock(t, path, `UPDATE assessments SET reviewer = reviewer`)
}

// No store call shows SQLite's "database is locked": a write that waited
// out the busy timeout says the database is busy and what to do, as a
// conflict callers can recognise; reads do not wait at all.
func TestBusyDatabaseSaysSoPlainly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "assay.db")
	db, err := open(path, questionnaires.Decode, 100)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q := tieringQuestionnaire(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), nil)

	release := holdWriteLock(t, path)
	calls := map[string]error{
		"SaveAnswer":     db.SaveAnswer(as("Ana"), a.ID, choice("mfa", "no")),
		"ChangePlanItem": editPlan(as("Ana"), db, a.ID, assess.PlanEdit{Key: "mfa", Owner: "Ops"}),
	}
	// Reads do not wait for the writer at all: in WAL mode they see the
	// last commit.
	if got, err := db.Assessment(as("Ana"), a.ID); err != nil || got.ID != a.ID {
		t.Errorf("reading an assessment while another window writes: %v", err)
	}
	if list, err := db.Assessments(as("Ana"), assess.Filter{}); err != nil || len(list) != 1 {
		t.Errorf("listing while another window writes: %d assessments, %v", len(list), err)
	}
	for name, err := range calls {
		wantCode(t, err, assess.EConflict, "the database is busy: another program holds the write lock of "+path)
		if strings.Contains(strings.ToLower(err.Error()), "locked") {
			t.Errorf("%s: %q mentions SQLite's lock", name, err)
		}
	}
	// The writes gave up while the lock was still held, so they waited no
	// longer than their busy timeout, which is the one the store was
	// opened with: not SQLite's default, nor the upgrade's longer one.
	// (How long that is on the clock is SQLite's business, and no test's.)
	var timeout int
	if err := db.sql.QueryRow(`PRAGMA busy_timeout`).Scan(&timeout); err != nil || timeout != 100 {
		t.Errorf("the store's writes wait %d ms for another's lock (%v); want the 100 ms it was opened with", timeout, err)
	}

	// Opening an up-to-date database needs no write lock: a second window
	// starts while the first is writing.
	other, err := open(path, questionnaires.Decode, 100)
	if err != nil {
		t.Fatalf("opening while another handle writes: %v", err)
	}
	other.Close()

	release()
	if err := db.SaveAnswer(as("Ana"), a.ID, choice("mfa", "no")); err != nil {
		t.Fatalf("after the other writer finished: %v", err)
	}
}

// A write that finds another writer's lock waits for it and then simply
// succeeds: the save is seen waiting for the lock before the other
// writer lets it go.
func TestBusyWriteWaitsForTheOtherWriter(t *testing.T) {
	path := filepath.Join(t.TempDir(), "assay.db")
	db, err := open(path, questionnaires.Decode, 5000)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q := tieringQuestionnaire(t)
	a := newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	release := holdWriteLock(t, path)
	saved := make(chan error, 1)
	go func() { saved <- db.SaveAnswer(as("Ana"), a.ID, choice("mfa", "yes")) }()
	awaitLockWaiter(t, saved)
	release()
	if err := <-saved; err != nil {
		t.Fatalf("a save that waited for another writer: %v", err)
	}
	got, err := db.Assessment(as("Ana"), a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if ans := got.Answers["mfa"]; len(ans.Value.Choices) != 1 || ans.Value.Choices[0] != "yes" {
		t.Fatalf("after waiting for the other writer, mfa reads %+v; want the save's yes", got.Answers["mfa"])
	}
}

func TestFailureLeavesOtherErrorsAlone(t *testing.T) {
	if failure("assay.db", nil) != nil {
		t.Error("failure(nil) is not nil")
	}
	err := assess.Errorf(assess.ENotFound, "no assessment 9")
	if failure("assay.db", err) != error(err) {
		t.Error("failure changed a domain error")
	}
}
