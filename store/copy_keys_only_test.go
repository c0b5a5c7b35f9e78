package store

import (
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
)

// A team database where an older assay's assay key registered a key
// before any portfolio arrived holds no portfolio, but its ledger is not
// empty, and the copied ledger cannot follow entries signed by others:
// assay migrate --to refuses it, saying that, what to do, and that this
// assay's assay key registers nothing there; it said only that the
// database "already holds a portfolio".
func TestCopyIntoATeamDatabaseHoldingOnlyKeysSaysWhy(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	actsIn(t, teamLogin(t, dsn, uniqueName("key first"), "analyst"))

	_, q := testDB(t)
	file := openFileWithTestKey(t)
	a := &assess.Assessment{Subject: "Acme Cloud Ltd", SubjectKind: "vendor", Reviewer: "Ana Analyst", Questionnaire: q, AssessedOn: day("2026-03-01")}
	if err := file.CreateAssessment(as("Ana Analyst"), a); err != nil {
		t.Fatal(err)
	}
	team := openTeamWithTestKey(t, dsn)
	_, err := CopyPortfolio(as(team.Login()), file, team)
	if err == nil || !strings.Contains(err.Error(), "holds no portfolio, but its ledger holds keys registered by an older assay's assay key") ||
		!strings.Contains(err.Error(), "nothing was copied") || !strings.Contains(err.Error(), "Set up another team schema with assay team init") {
		t.Fatalf("the copy into a team database holding only keys: %v", err)
	}
	if started, err := team.LedgerStarted(as(team.Login())); err != nil || !started {
		t.Fatalf("the team database's ledger after the refusal: started %v (%v)", started, err)
	}
}
