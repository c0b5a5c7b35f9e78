package store

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/assay-dev/assay/assess/ledger"
)

// assay migrate --to a team database whose roles were granted by a login
// whose key the person moving the portfolio in does not trust yet (the
// database's administrator set the team up; the DPO, holding the owner
// role, moves their file in). The copy's verify finds the team database's
// own record of grants signed with that key, and the copy is refused,
// leaving the team database empty. The refusal names the grant record and
// the assay key trust to run, and says the file is as it was: it said
// "assay verify on the file says the same of the original", which the
// file, holding no record of grants at all, never says. Once the key is
// trusted, the same copy succeeds.
func TestCopyIntoAServerWhoseGrantsAreSignedByAKeyNotTrustedYet(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	person := uniqueName("Copy Person")
	teamLogin(t, dsn, person)
	admin, err := ledger.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	adminKey := func() (*ledger.PrivateKey, error) { return admin, nil }
	if _, err := TeamGrant(context.Background(), dsn, adminKey, person, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}

	file, a := fileWithOneAssessment(t, person)
	if err := file.SaveAnswer(as(person), a.ID, choice("mfa", "no")); err != nil {
		t.Fatal(err)
	}
	if res, err := file.Verify(as("Auditor"), 0); err != nil || res.Broken != nil {
		t.Fatalf("the file does not verify: %v %v", res.Broken, err)
	}

	team := openTeamWithTestKey(t, dsn)
	_, err = CopyPortfolio(as(team.Login()), file, team)
	if err == nil {
		t.Fatal("the copy into a server whose grants are signed by a key nobody trusted succeeded")
	}
	msg := err.Error()
	for _, want := range []string{
		"nothing was copied",
		"grant record 1: granting " + person + " the analyst role, by " + cfg.User,
		"a key you do not trust",
		"assay key trust " + cfg.User + " " + admin.Public().String(),
		file.where() + " is as it was",
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

	team.SetTrust(func() (*ledger.Keyring, error) {
		ring, err := trustTestKeys()
		ring.Add(ledger.Trusted{Key: admin.Public(), Name: cfg.User})
		return ring, err
	})
	if _, err := CopyPortfolio(as(team.Login()), file, team); err != nil {
		t.Fatalf("the copy once the granting key is trusted: %v", err)
	}
}
