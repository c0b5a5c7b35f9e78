package store

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
)

// assay migrate --to a team database where the person who wrote the file
// has a login of the same name, given a team role in psql rather than by
// assay team grant: the copy's verify names the grant, and the copy is
// refused, leaving the team database empty. The refusal says the fault
// lies with the server's grants and that the file is as it was; it said
// "assay verify on the file says the same of the original", which the
// file, intact, never says. Once the owner records the grant (assay team
// grant), the same copy succeeds.
func TestCopyIntoAServerWithAGrantMadeOutsideAssaySaysWhereTheFaultIs(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	// The login is made after the schema: a membership held when the
	// schema was set up is recorded as found.
	person := uniqueName("Copy Person")
	teamLogin(t, dsn, person)
	mustExec(t, rawTeam(t, dsn), `GRANT assay_analyst TO `+pgx.Identifier{person}.Sanitize())

	file, a := fileWithOneAssessment(t, person)
	if err := file.SaveAnswer(as(person), a.ID, choice("mfa", "no")); err != nil {
		t.Fatal(err)
	}
	if res, err := file.Verify(as("Auditor"), 0); err != nil || res.Broken != nil {
		t.Fatalf("the file does not verify: %v %v", res.Broken, err)
	}

	team := openTeamWithTestKey(t, dsn)
	_, err := CopyPortfolio(as(team.Login()), file, team)
	if err == nil {
		t.Fatal("the copy into a server whose grants changed outside assay succeeded")
	}
	msg := err.Error()
	for _, want := range []string{
		"nothing was copied",
		person + " holds the analyst role, granted outside assay",
		"the server's protections changed",
		"is as it was",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the refused copy says %q\nwant %q in it", msg, want)
		}
	}
	if strings.Contains(msg, "says the same of the original") {
		t.Errorf("the refused copy blames the file, which verifies: %q", msg)
	}
	var n int
	if err := rawTeam(t, dsn).QueryRow(`SELECT (SELECT COUNT(*) FROM assessments) + (SELECT COUNT(*) FROM ledger)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("the refused copy left %d rows in the team database", n)
	}

	if _, err := TeamGrant(context.Background(), dsn, grantKey(t, dsn), person, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}
	if _, err := CopyPortfolio(as(team.Login()), file, team); err != nil {
		t.Fatalf("the copy once the grant was recorded: %v", err)
	}
}
