package store

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// assay migrate --to a team database from a file one of whose
// assessments has an archive flag set outside assay (sqlite3, to 7): the
// team database's rule for the flag refuses the row. The refusal says
// that the file's assessment is the one at fault, how to put it right in
// the file, and that nothing was copied, once. It named the team
// database and the workspace's keys, as if the server's row were wrong.
func TestCopyOfAFileWithAnArchiveFlagSetOutsideAssayNamesTheFile(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	person := "Ana Analyst"
	file, a := fileWithOneAssessment(t, person)
	if _, err := file.sql.Exec(`UPDATE assessments SET archived = 7 WHERE id = ?`, a.ID); err != nil {
		t.Fatal(err)
	}
	team := openTeamWithTestKey(t, dsn)
	_, err := CopyPortfolio(as(team.Login()), file, team)
	if err == nil {
		t.Fatal("the copy of an assessment archived as 7 succeeded")
	}
	msg := err.Error()
	for _, want := range []string{"assessment 1 in " + file.path, "archive flag set outside assay", "nothing was copied",
		"Put it right in the file", "a on assessment 1 to restore it", "assay --db '" + file.path + "' verify"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the refused copy says %q\nwant %q in it", msg, want)
		}
	}
	for _, not := range []string{"nothing was recorded", "In the workspace,"} {
		if strings.Contains(msg, not) {
			t.Errorf("the refused copy says %q, with %q in it, of the team database", msg, not)
		}
	}
	if n := strings.Count(msg, "nothing was copied"); n != 1 {
		t.Errorf("the refused copy says \"nothing was copied\" %d times: %q", n, msg)
	}
}

// fileWithOneAssessment is a file, signed with the test key, holding one
// vendor assessment created by person: the source of the copy tests.
func fileWithOneAssessment(t *testing.T, person string) (*DB, *assess.Assessment) {
	t.Helper()
	_, q := testDB(t)
	file := openFileWithTestKey(t)
	a := &assess.Assessment{Subject: "Acme Cloud Ltd", SubjectKind: "vendor", Reviewer: person, Questionnaire: q, AssessedOn: day("2026-03-01")}
	if err := file.CreateAssessment(as(person), a); err != nil {
		t.Fatal(err)
	}
	return file, a
}
