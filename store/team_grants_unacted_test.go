package store

import (
	"context"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/assay-dev/assay/questionnaires"
)

// A login given the auditor role in psql reads every assessment and
// never signs anything, so verify, which names a role granted outside
// assay once its holder acts, said nothing of it at all. It now lists
// every such holder, without failing (roles are the server's, shared by
// every team database on it), until assay team grant records the role
// or assay team revoke takes it back.
func TestVerifyListsTeamRolesOfLoginsThatNeverActed(t *testing.T) {
	requirePostgres(t)
	dsn, db := teamTamperFixture(t)
	reader := uniqueName("reader")
	teamLogin(t, dsn, reader)
	mustExec(t, rawTeam(t, dsn), `GRANT assay_auditor TO `+pgx.Identifier{reader}.Sanitize())
	res, err := db.Verify(as("Auditor"), 0)
	if err != nil || res.Broken != nil {
		t.Fatalf("verify: %v %v", res.Broken, err)
	}
	want := reader + " holds the auditor role"
	if got := strings.Join(res.Unacted, "; "); !strings.Contains(got, want) {
		t.Fatalf("verify listed %q, want %q among the roles held by logins that never acted", got, want)
	}
	if _, err := TeamGrant(context.Background(), dsn, grantKey(t, dsn), reader, []string{"auditor"}); err != nil {
		t.Fatal(err)
	}
	if res, err := db.Verify(as("Auditor"), 0); err != nil || res.Broken != nil || strings.Contains(strings.Join(res.Unacted, "; "), reader) {
		t.Fatalf("verify after the grant was recorded: %v, listed %q, %v", res.Broken, res.Unacted, err)
	}
}

// Verify reads who holds which role from the server's catalog, which
// every login may read: an auditor's verify, no superuser's, names a
// role granted outside assay to another login that acted.
func TestAnAuditorsVerifyNamesAnotherLoginsRoleGrantedOutsideAssay(t *testing.T) {
	requirePostgres(t)
	dsn, _ := teamTamperFixture(t)
	auditor, mallory := uniqueName("auditor"), uniqueName("mallory")
	auditorDSN := teamLogin(t, dsn, auditor, "auditor")
	malloryDSN := teamLogin(t, dsn, mallory)
	mustExec(t, rawTeam(t, dsn), `GRANT assay_analyst TO `+pgx.Identifier{mallory}.Sanitize())
	actsIn(t, malloryDSN)
	db, err := OpenTeam(auditorDSN, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	useTestKeys(db)
	if got, want := verifySays(t, db), mallory+" holds the analyst role, granted outside assay"; !strings.Contains(got, want) {
		t.Fatalf("the auditor's verify said %q\nwant %q", got, want)
	}
}
