package store

import (
	"strings"
	"testing"
)

// assay migrate --to a team database from a file whose protections were
// changed outside assay (sqlite3: a lock trigger and an index dropped;
// no record touched) copies the portfolio, whose records and signatures
// verify in the team database, and says of the file, as of a team
// database copied from, that its own verify fails, in verify's words,
// and the command that shows it there. A file so changed has no way to
// be put right but a backup, which would lose the work after it; the
// copy verifies every record, as it does for a team source. Before, the
// copy said "Verified" and nothing of the file: opening a file checks
// that it is an assay database of a version this assay knows, not its
// triggers and indexes, which verify alone reads.
func TestCopyFromAFileWhoseProtectionsChangedSaysSo(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	person := "Ana Analyst"
	file, _ := fileWithOneAssessment(t, person)
	for _, stmt := range []string{`DROP TRIGGER answers_locked_update`, `DROP INDEX assessments_subject`} {
		if _, err := file.sql.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	team := openTeamWithTestKey(t, dsn)
	done, err := CopyPortfolio(as(team.Login()), file, team)
	if err != nil {
		t.Fatalf("the copy of a file whose trigger and index were dropped outside assay failed: %v", err)
	}
	// One assessment, created: its records are in the team database and
	// verify there.
	if done.Assessments != 1 || done.Verified.Records == 0 {
		t.Errorf("copied %+v, want the one assessment and its records verified", done)
	}
	var n int
	if err := team.sql.QueryRow(`SELECT COUNT(*) FROM assessments`).Scan(&n); err != nil || n != 1 {
		t.Errorf("after the copy the team database holds %d assessments (%v); want the one", n, err)
	}
	// Verify stops at the first protection it finds changed, in the
	// order of their names: answers_locked_update before
	// assessments_subject.
	if want := "the trigger answers_locked_update was dropped outside assay"; !strings.Contains(done.SourceChanged, want) {
		t.Errorf("the copy says of the file %q\nwant %q in it", done.SourceChanged, want)
	}
	if want := "assay --db '" + file.path + "' verify"; done.SourceVerify != want {
		t.Errorf("the command that shows it is %q, want %q", done.SourceVerify, want)
	}
}
