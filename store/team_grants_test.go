package store

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/assay-dev/assay/questionnaires"
)

// actsIn opens the team schema as the login loginDSN names and registers
// its signing key in the ledger, as every login's first change does.
func actsIn(t *testing.T, loginDSN string) {
	t.Helper()
	db, err := OpenTeam(loginDSN, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	useTestKeys(db)
	if _, err := db.RegisterKey(context.Background()); err != nil {
		t.Fatalf("registering %s's key: %v", db.Login(), err)
	}
}

// verifySays verifies the fixture and returns what it found ("" when
// intact).
func verifySays(t *testing.T, db *DB) string {
	t.Helper()
	res, err := db.Verify(as("Auditor"), 0)
	if err != nil {
		t.Fatalf("verify: %v", err)
	}
	if res.Broken == nil {
		return ""
	}
	return res.Broken.Error()
}

// A DBA who runs GRANT assay_approver TO mallory in psql gives her what
// assay team grant would, and PostgreSQL keeps no note of who granted it.
// Once she acts in the portfolio, verify names her; the owner's assay
// team grant records the membership (it grants nothing again), and then
// verify is content.
func TestVerifyNamesTeamRoleGrantedOutsideAssay(t *testing.T) {
	requirePostgres(t)
	dsn, db := teamTamperFixture(t)
	mallory := uniqueName("mallory")
	malloryDSN := teamLogin(t, dsn, mallory)
	mustExec(t, rawTeam(t, dsn), `GRANT assay_approver TO `+pgx.Identifier{mallory}.Sanitize())
	actsIn(t, malloryDSN)
	want := mallory + " holds the approver role, granted outside assay"
	if got := verifySays(t, db); !strings.Contains(got, want) {
		t.Fatalf("verify said %q\nwant it to say %q", got, want)
	}
	ran, err := TeamGrant(context.Background(), dsn, grantKey(t, dsn), mallory, []string{"approver"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ran, "\n"); strings.Contains(got, "GRANT assay_approver") || !strings.Contains(got, "assay_record_grant('"+mallory+"', 'approver', 'grant', ") {
		t.Fatalf("assay team grant of a role already held ran\n%s\nwant the grant recorded, not made again", got)
	}
	if got := verifySays(t, db); got != "" {
		t.Fatalf("verify after the owner recorded the grant: %s", got)
	}
}

// A grant assay made and recorded, taken back in psql, is named too.
func TestVerifyNamesRecordedGrantRevokedOutsideAssay(t *testing.T) {
	requirePostgres(t)
	dsn, db := teamTamperFixture(t)
	bob := uniqueName("bob")
	teamLogin(t, dsn, bob)
	ran, err := TeamGrant(context.Background(), dsn, grantKey(t, dsn), bob, []string{"analyst"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"BEGIN", "GRANT assay_analyst TO " + pgx.Identifier{bob}.Sanitize(), "SELECT assay_record_grant('" + bob + "', 'analyst', 'grant', …)", "INSERT INTO ledger …", "COMMIT"}
	if strings.Join(withoutSignatures(ran), "\n") != strings.Join(want, "\n") {
		t.Fatalf("assay team grant ran\n%s\nwant\n%s", strings.Join(ran, "\n"), strings.Join(want, "\n"))
	}
	if got := verifySays(t, db); got != "" {
		t.Fatalf("verify after assay team grant: %s", got)
	}
	mustExec(t, rawTeam(t, dsn), `REVOKE assay_analyst FROM `+pgx.Identifier{bob}.Sanitize())
	if got, w := verifySays(t, db), bob+" no longer holds the analyst role assay granted: revoked outside assay"; !strings.Contains(got, w) {
		t.Fatalf("verify said %q\nwant it to say %q", got, w)
	}
}

// The record cannot be written around assay_record_grant by a team role,
// nor rewritten by anyone, nor made to say what the server does not hold.
func TestTeamGrantRecordIsWrittenOnlyThroughAssay(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	ana := rawTeam(t, teamLogin(t, dsn, uniqueName("rec ana"), "analyst", "approver"))
	if _, err := ana.Exec(`INSERT INTO team_grants (login, role, action, by_login, at) VALUES ('eve', 'owner', 'grant', 'eve', 'now')`); err == nil {
		t.Error("an analyst wrote a grant record of her own")
	}
	if _, err := ana.Exec(`SELECT assay_record_grant('eve', 'owner', 'grant', 1, '2026-01-01T00:00:00Z', 'ed25519:x', '', '', '', '')`); err == nil || !strings.Contains(err.Error(), "may not grant or revoke the role owner") {
		t.Errorf("an analyst recording a grant through assay's function: %v, want the server's refusal", err)
	}
	admin := rawTeam(t, dsn)
	if _, err := admin.Exec(`SELECT assay_record_grant('nobody at all', 'approver', 'grant', 1, '2026-01-01T00:00:00Z', 'ed25519:x', '', '', '', '')`); err == nil || !strings.Contains(err.Error(), "does not hold the role approver") {
		t.Errorf("recording a grant the server does not hold: %v, want it refused", err)
	}
	if _, err := admin.Exec(`UPDATE team_grants SET action = 'revoke'`); err == nil || !strings.Contains(err.Error(), "never changed") {
		t.Errorf("rewriting the record: %v, want it refused", err)
	}
}

// A database set up before 010 gets the record at the upgrade: the
// memberships held then are recorded as found, and not named.
func TestUpgradeTo010RecordsMembershipsFound(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchemaAt(t, "008_import_provenance")
	carla := uniqueName("carla")
	carlaDSN := teamLogin(t, dsn, carla, "analyst")
	teamInitTo(t, dsn, "")
	var action string
	if err := rawTeam(t, dsn).QueryRow(`SELECT action FROM team_grants WHERE login = $1 AND role = 'analyst'`, carla).Scan(&action); err != nil || action != "found" {
		t.Fatalf("carla's analyst role at the upgrade recorded as %q (%v), want found", action, err)
	}
	actsIn(t, carlaDSN)
	db := useTestKeys(openTeamAs(t, dsn))
	if got := verifySays(t, db); got != "" {
		t.Fatalf("verify after the upgrade: %s", got)
	}
}

// withoutSignatures is what assay team grant or revoke ran with each
// signed record's number, time, key, link, hash and signature written
// "…": those differ at every run.
func withoutSignatures(ran []string) []string {
	out := make([]string, len(ran))
	for i, stmt := range ran {
		out[i] = ledgerEntry.ReplaceAllString(signedArgs.ReplaceAllString(stmt, ", …)"), "INSERT INTO ledger …")
	}
	return out
}

var signedArgs = regexp.MustCompile(`, \d+, '[^']*', 'ed25519:[^']*', '[0-9a-f]*', '[0-9a-f]{64}', '[^']*'(, '[0-9a-f-]{36}')?\)$`)

// ledgerEntry is the ledger entry assay team grant or revoke appends,
// which records the record of grants as it leaves it: written
// "INSERT INTO ledger …", since its every value differs at every run.
var ledgerEntry = regexp.MustCompile(`^INSERT INTO ledger \(.*$`)

// assay team revoke takes back, with the roles, what a DBA granted the
// login by name on assay's objects, and says each statement it ran.
func TestTeamRevokeTakesDirectPrivileges(t *testing.T) {
	requirePostgres(t)
	dsn, db := teamTamperFixture(t)
	bob := uniqueName("bob")
	teamLogin(t, dsn, bob)
	ctx := context.Background()
	if _, err := TeamGrant(ctx, dsn, grantKey(t, dsn), bob, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}
	ident := pgx.Identifier{bob}.Sanitize()
	raw := rawTeam(t, dsn)
	mustExec(t, raw, `GRANT UPDATE, DELETE ON events TO `+ident)
	mustExec(t, raw, `GRANT UPDATE (subject, reviewer) ON assessments TO `+ident+` WITH GRANT OPTION`)
	ran, err := TeamRevoke(ctx, dsn, grantKey(t, dsn), bob, []string{"analyst"})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"BEGIN", "REVOKE assay_analyst FROM " + ident, "SELECT assay_record_grant('" + bob + "', 'analyst', 'revoke', …)", "INSERT INTO ledger …",
		"REVOKE UPDATE (reviewer, subject) ON TABLE assessments FROM " + ident + " CASCADE",
		"REVOKE DELETE, UPDATE ON TABLE events FROM " + ident, "COMMIT"}
	if strings.Join(withoutSignatures(ran), "\n") != strings.Join(want, "\n") {
		t.Fatalf("assay team revoke ran\n%s\nwant\n%s", strings.Join(ran, "\n"), strings.Join(want, "\n"))
	}
	var left bool
	if err := raw.QueryRow(`SELECT has_table_privilege($1, 'events', 'UPDATE') OR has_column_privilege($1, 'assessments', 'subject', 'UPDATE')`, bob).Scan(&left); err != nil || left {
		t.Fatalf("bob still holds a privilege after revoke (%v)", err)
	}
	if got := verifySays(t, db); got != "" {
		t.Fatalf("verify after assay team revoke: %s", got)
	}
}

// A login that may revoke the role but not the privileges (it holds the
// role WITH ADMIN OPTION, and is neither a superuser nor the owner) would
// have the server skip each REVOKE with a warning: assay team revoke
// refuses instead, naming what is left and who may take it, and changes
// nothing.
func TestTeamRevokeRefusesWhatItCannotTake(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	ctx := context.Background()
	bob, keeper := uniqueName("bob"), uniqueName("keeper")
	teamLogin(t, dsn, bob)
	keeperDSN := teamLogin(t, dsn, keeper)
	raw := rawTeam(t, dsn)
	mustExec(t, raw, `GRANT assay_analyst TO `+pgx.Identifier{keeper}.Sanitize()+` WITH ADMIN OPTION`)
	if _, err := TeamGrant(ctx, dsn, grantKey(t, dsn), bob, []string{"analyst"}); err != nil {
		t.Fatal(err)
	}
	mustExec(t, raw, `GRANT UPDATE ON events TO `+pgx.Identifier{bob}.Sanitize())
	t.Cleanup(func() { _, _ = raw.Exec(`REVOKE ALL ON events FROM ` + pgx.Identifier{bob}.Sanitize()) }) // or bob cannot be dropped
	ran, err := TeamRevoke(ctx, keeperDSN, grantKey(t, keeperDSN), bob, []string{"analyst"})
	if err == nil || !strings.Contains(err.Error(), "REVOKE UPDATE ON TABLE events FROM "+pgx.Identifier{bob}.Sanitize()) ||
		!strings.Contains(err.Error(), "nothing was changed") || ran[len(ran)-1] != "ROLLBACK" {
		t.Fatalf("revoke by a login that cannot take bob's privilege: ran %q, %v; want it refused naming the privilege", ran, err)
	}
	var member, update bool
	if err := raw.QueryRow(`SELECT pg_has_role($1, 'assay_analyst', 'MEMBER'), has_table_privilege($1, 'events', 'UPDATE')`, bob).Scan(&member, &update); err != nil || !member || !update {
		t.Fatalf("the refused revoke changed something: member %v, update %v (%v)", member, update, err)
	}
}

// assay team init run by a login with CREATEROLE makes it an owner: on a
// schema that keeps the record, that grant is recorded like any other,
// or the owner's own first change would be named as granted outside
// assay.
func TestTeamInitRecordsTheOwnerItMakes(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	initer := uniqueName("initer")
	initerDSN := teamLogin(t, dsn, initer)
	raw := rawTeam(t, dsn)
	mustExec(t, raw, `ALTER ROLE `+pgx.Identifier{initer}.Sanitize()+` CREATEROLE`)
	ran, err := TeamInit(context.Background(), initerDSN, grantKey(t, initerDSN))
	if err != nil {
		t.Fatal(err)
	}
	if want := "\"assay_record_grant\"('" + initer + "', 'owner', 'grant', 1, "; !strings.Contains(strings.Join(ran, "\n"), want) {
		t.Fatalf("team init by a login with CREATEROLE ran\n%s\nwant %s", strings.Join(ran, "\n"), want)
	}
	var action string
	if err := raw.QueryRow(`SELECT action FROM team_grants WHERE login = $1 AND role = 'owner' ORDER BY id DESC LIMIT 1`, initer).Scan(&action); err != nil || action != "grant" {
		t.Fatalf("the owner role team init gave %s is recorded as %q (%v), want grant", initer, action, err)
	}
}

// A login that may manage roles (CREATEROLE) but holds no team role may
// not use the team schema, so may not record a grant there: it is told
// so, not that the database is older than assay, and nothing changes.
func TestTeamGrantByALoginOutsideTheSchemaSaysWhy(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchema(t)
	manager, carol := uniqueName("manager"), uniqueName("carol")
	managerDSN := teamLogin(t, dsn, manager)
	teamLogin(t, dsn, carol)
	raw := rawTeam(t, dsn)
	mustExec(t, raw, `ALTER ROLE `+pgx.Identifier{manager}.Sanitize()+` CREATEROLE`)
	ran, err := TeamGrant(context.Background(), managerDSN, grantKey(t, managerDSN), carol, []string{"analyst"})
	if err == nil || !strings.Contains(err.Error(), "may not use the team schema") || strings.Contains(err.Error(), "older assay") || len(ran) != 0 {
		t.Fatalf("grant by a login outside the schema: ran %q, %v; want it told it may not use the schema", ran, err)
	}
	var member bool
	if err := raw.QueryRow(`SELECT pg_has_role($1, 'assay_analyst', 'MEMBER')`, carol).Scan(&member); err != nil || member {
		t.Fatalf("the refused grant gave carol the role (%v)", err)
	}
}
