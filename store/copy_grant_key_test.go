package store

import (
	"context"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
)

// docs/team.md, Setting up: the administrator grants roles, then moves
// in their own personal portfolio, which registers their key under their
// name, while the grants here are signed with the same key by their
// login. No such copy can verify (a key belongs to one person), and it is
// refused, nothing copied; the refusal said the record of grants was
// "changed outside assay" and "forged", though assay wrote every row of
// it. It says which key signs as two names, and what to do.
func TestCopyIntoATeamWhoseGrantsTheFilesKeySignedAsAnotherLoginSaysSo(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	person := uniqueName("Grant Key Person")
	teamLogin(t, dsn, person)
	sameKey := func() (*ledger.PrivateKey, error) { return testKey, nil }
	if _, err := TeamGrant(context.Background(), dsn, sameKey, person, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}

	_, q := testDB(t)
	file := openFileWithTestKey(t)
	a := &assess.Assessment{Subject: "Acme Cloud Ltd", SubjectKind: "vendor", Reviewer: "Dana Reyes", Questionnaire: q, AssessedOn: day("2026-03-01")}
	if err := file.CreateAssessment(as("Dana Reyes"), a); err != nil {
		t.Fatal(err)
	}
	if res, err := file.Verify(as("Auditor"), 0); err != nil || res.Broken != nil {
		t.Fatalf("the file does not verify: %v %v", res.Broken, err)
	}

	team := openTeamWithTestKey(t, dsn)
	_, err := CopyPortfolio(as(team.Login()), file, team)
	if err == nil {
		t.Fatal("the copy into a team whose grants the file's key signed as another login succeeded")
	}
	msg := err.Error()
	for _, want := range []string{
		"nothing was copied",
		"grant record 1",
		"signed by " + team.Login() + " with " + testKey.Public().ID(),
		`registers it for "Dana Reyes"`,
		"a key belongs to one person",
		"assay key new",
		"is as it was",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the refused copy says %q\nwant %q in it", msg, want)
		}
	}
	for _, wrong := range []string{"forged", "outside assay"} {
		if strings.Contains(msg, wrong) {
			t.Errorf("the refused copy blames a change nobody made (%q): %q", wrong, msg)
		}
	}
	var n int
	if err := rawTeam(t, dsn).QueryRow(`SELECT (SELECT COUNT(*) FROM assessments) + (SELECT COUNT(*) FROM ledger)`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("the refused copy left %d rows in the team database", n)
	}
}
