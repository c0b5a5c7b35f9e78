package store

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// assay migrate --to a team database from a file whose protections were
// changed outside assay (sqlite3: a lock trigger and an index dropped;
// no record touched) is refused, before anything reaches the team: the
// refusal says what is wrong with the file, in verify's words, and the
// command that shows it there, and the team database holds nothing
// after. Before, the copy went ahead and said "Verified", the file's
// protections never looked at: a file is checked, when it is opened,
// for being an assay database of a version this assay knows, not for
// its triggers and indexes, which verify alone reads.
func TestCopyFromAFileWhoseProtectionsChangedIsRefused(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	_, q := testDB(t)
	file := openFileWithTestKey(t)
	person := "Ana Analyst"
	a := &assess.Assessment{Subject: "Acme Cloud Ltd", SubjectKind: "vendor", Reviewer: person, Questionnaire: q, AssessedOn: day("2026-03-01")}
	if err := file.CreateAssessment(as(person), a); err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{`DROP TRIGGER answers_locked_update`, `DROP INDEX assessments_subject`} {
		if _, err := file.sql.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	team := openTeamWithTestKey(t, dsn)
	done, err := CopyPortfolio(as(team.Login()), file, team)
	if err == nil {
		t.Fatalf("the copy of a file whose trigger and index were dropped outside assay succeeded: %+v", done)
	}
	msg := err.Error()
	// Verify stops at the first protection it finds changed, in the
	// order of their names: answers_locked_update before
	// assessments_subject.
	for _, want := range []string{file.path, "the trigger answers_locked_update was dropped outside assay",
		"assay --db '" + file.path + "' verify", "nothing was copied", team.where() + " is as it was"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the refused copy says %q\nwant %q in it", msg, want)
		}
	}
	if code := assess.ErrorCode(err); code != assess.EConflict {
		t.Errorf("the refused copy's code is %q, want %q", code, assess.EConflict)
	}
	var n int
	if err := team.sql.QueryRow(`SELECT COUNT(*) FROM assessments`).Scan(&n); err != nil || n != 0 {
		t.Errorf("after the refused copy the team database holds %d assessments (%v); want none", n, err)
	}
}
