package store

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/questionnaires"
)

// assay migrate --from a team database whose protections a DBA changed
// (an index and a CHECK constraint dropped: its records untouched) copies
// the records, which verify in the copy, and says that the original's own
// verify fails and what it names, with the command that shows it: assay
// --db 'DSN' verify, the connection string without its password. The
// copy said "Verified" and nothing of the original, which the person
// moving off the server is about to leave behind.
func TestCopyFromATeamDatabaseWhoseProtectionsChangedSaysSo(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	team := useTestKeys(openTeamAs(t, dsn))
	_, q := testDB(t)
	newAssessment(t, team, q, "Acme Cloud Ltd", day("2026-03-01"), nil)
	raw := rawTeam(t, dsn)
	for _, stmt := range []string{`DROP INDEX assessments_subject`,
		`ALTER TABLE assessments DROP CONSTRAINT assay_archived_is_0_or_1`} {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}

	withPassword := dsn + "&password=s3cret-pw"
	from, err := OpenTeam(withPassword, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer from.Close()
	useTestKeys(from)
	to := openFileWithTestKey(t)
	to.SetTrust(trustTestKeys)
	done, err := CopyPortfolio(context.Background(), from, to)
	if err != nil {
		t.Fatalf("the copy of a team database whose protections changed failed: %v", err)
	}
	// One assessment, created: its records are in the copy and verify.
	if done.Assessments != 1 || done.Verified.Records == 0 {
		t.Errorf("copied %+v, want the one assessment and its records verified", done)
	}
	for _, want := range []string{
		"the index assessments_subject was dropped or changed outside assay",
		"the constraint assay_archived_is_0_or_1 on table assessments was dropped or changed outside assay",
	} {
		if !strings.Contains(done.SourceChanged, want) {
			t.Errorf("the copy says of the source %q\nwant %q in it", done.SourceChanged, want)
		}
	}
	if want := "assay --db '" + Redact(withPassword) + "' verify"; done.SourceVerify != want {
		t.Errorf("the command that shows it is %q, want %q", done.SourceVerify, want)
	}
	if strings.Contains(done.SourceVerify, "s3cret-pw") {
		t.Errorf("the command shows the password: %q", done.SourceVerify)
	}

	// A source as assay made it says nothing of the kind.
	clean := useTestKeys(openTeamAs(t, teamSchema(t)))
	newAssessment(t, clean, q, "Globex", day("2026-03-02"), nil)
	into := openFileWithTestKey(t)
	into.SetTrust(trustTestKeys)
	done, err = CopyPortfolio(context.Background(), clean, into)
	if err != nil {
		t.Fatal(err)
	}
	if done.SourceChanged != "" || done.SourceVerify != "" {
		t.Errorf("the copy of an intact team database says of it %q (%q)", done.SourceChanged, done.SourceVerify)
	}
}
