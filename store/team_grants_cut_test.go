package store

import (
	"context"
	"database/sql"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/questionnaires"
)

// revokedThenCut is grantRecordFixture with bob's approver role revoked
// by assay team revoke, an analyst's change saved after it (so the
// revocation is not the ledger's last word), and then, as a DBA would
// with the server's triggers off, the revocation's record deleted and
// the role granted again in psql: the chain of grants, cut after its
// last grant, is intact, and the role held is the one recorded.
func revokedThenCut(t *testing.T) (db *DB, dsn, bob string, raw *sql.DB) {
	t.Helper()
	db, dsn, bob, _, _, raw = grantRecordFixture(t)
	if _, err := TeamRevoke(context.Background(), dsn, grantKey(t, dsn), bob, []string{"approver"}); err != nil {
		t.Fatal(err)
	}
	if err := db.CreateSubject(as("Ana Analyst"), &assess.Subject{Name: "Hooli after the revocation", Kind: "vendor"}); err != nil {
		t.Fatal(err)
	}
	if got := verifySays(t, db); got != "" {
		t.Fatalf("verify after assay team revoke: %s", got)
	}
	last, _ := lastGrantRecord(t, raw)
	mustExec(t, raw, `DELETE FROM team_grants WHERE seq = $1`, last)
	mustExec(t, raw, `GRANT assay_approver TO `+pgx.Identifier{bob}.Sanitize())
	return db, dsn, bob, raw
}

// The newest records of grants cut off left a chain intact up to the
// cut: a revocation deleted and the role granted again in psql showed
// nothing. The ledger entry assay team revoke signs records how long
// the chain of grants was and its last hash; verify names a chain
// shorter than a signed entry saw.
func TestVerifyNamesGrantRecordsCutOffTheEnd(t *testing.T) {
	requirePostgres(t)
	db, _, _, _ := revokedThenCut(t)
	got := verifySays(t, db)
	if !strings.Contains(got, "the record of team grants was cut back outside assay: ledger entry ") ||
		!strings.Contains(got, "signed grant records, and the record now holds ") {
		t.Fatalf("verify said %q\nwant the grant records cut off named", got)
	}
}

// A chain cut back and grown again by a later assay team grant is as
// long as before, but not the one the ledger saw.
func TestVerifyNamesGrantRecordsCutAndWrittenAgain(t *testing.T) {
	requirePostgres(t)
	db, dsn, _, _ := revokedThenCut(t)
	carla := uniqueName("carla")
	teamLogin(t, dsn, carla)
	if _, err := TeamGrant(context.Background(), dsn, grantKey(t, dsn), carla, []string{"auditor"}); err != nil {
		t.Fatal(err)
	}
	got := verifySays(t, db)
	if !strings.Contains(got, "the record of team grants was cut back outside assay: ledger entry ") ||
		!strings.Contains(got, " than the one there now: the record was cut back and written again") {
		t.Fatalf("verify said %q\nwant the grant record written again over the cut named", got)
	}
}

// A signed record of grants copied from another team schema of the same
// server, at the same place in its chain, read as this one's: the two
// chains began alike. Each record is now signed for its team database's
// identity, made at the upgrade to schema 012, and verify names one
// signed for another.
func TestVerifyNamesAGrantRecordCopiedFromAnotherTeamSchema(t *testing.T) {
	requirePostgres(t)
	here, there := teamSchema(t), teamSchema(t)
	mallory := uniqueName("mallory")
	teamLogin(t, there, mallory)
	if _, err := TeamGrant(context.Background(), there, grantKey(t, there), mallory, []string{"approver"}); err != nil {
		t.Fatal(err)
	}
	db := useTestKeys(openTeamAs(t, here))
	// The DBA gives this schema the other's record of grants, row for
	// row, so that mallory's approver role reads as granted here too.
	raw := rawTeam(t, here)
	mustExec(t, raw, `SET session_replication_role = replica`)
	mustExec(t, raw, `DELETE FROM team_grants`)
	otherSchema := schemaOf(t, there)
	mustExec(t, raw, `INSERT INTO team_grants SELECT * FROM `+pgx.Identifier{otherSchema, "team_grants"}.Sanitize())
	got := verifySays(t, db)
	if !strings.Contains(got, "the record of team grants was changed outside assay: grant record ") ||
		!strings.Contains(got, "it was signed for another team database") {
		t.Fatalf("verify said %q\nwant the copied record named", got)
	}
}

// schemaOf is the team schema a test's connection string names.
func schemaOf(t *testing.T, dsn string) string {
	t.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return cfg.RuntimeParams["search_path"]
}

// A verify checkpoint records the record of grants its verify found
// intact, and an incremental verify, which reads the ledger from that
// checkpoint on only, holds the record to it: a revocation cut off after
// the checkpoint sends it back to the full verify, which names the cut.
func TestIncrementalVerifyNamesGrantRecordsCutAfterItsCheckpoint(t *testing.T) {
	requirePostgres(t)
	schema := teamSchema(t)
	ana, bob := uniqueName("cut-ana"), uniqueName("cut-bob")
	db, err := OpenTeam(teamLogin(t, schema, ana, "analyst", "approver"), questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.UseKey(testKeyOf(ana))
	db.SetTrust(trustTestKeysAs(ana))
	teamLogin(t, schema, bob)
	_, q := testDB(t)
	newAssessment(t, db, q, "Acme Cloud Ltd", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})
	ctx := context.Background()
	if _, err := TeamGrant(ctx, schema, grantKey(t, schema), bob, []string{"approver"}); err != nil {
		t.Fatal(err)
	}
	if _, err := TeamRevoke(ctx, schema, grantKey(t, schema), bob, []string{"approver"}); err != nil {
		t.Fatal(err)
	}
	full, err := db.VerifyWith(as(ana), VerifyOptions{Checkpoint: true})
	if err != nil || full.Broken != nil || full.Recorded == nil || !strings.Contains(full.Recorded.Note, `"grants_head"`) {
		t.Fatalf("%s's checkpoint: %v, broken %v, recorded %+v; want it to record the record of grants", ana, err, full.Broken, full.Recorded)
	}
	raw := rawTeam(t, schema)
	mustExec(t, raw, `SET session_replication_role = replica`)
	last, _ := lastGrantRecord(t, raw)
	mustExec(t, raw, `DELETE FROM team_grants WHERE seq = $1`, last)
	mustExec(t, raw, `GRANT assay_approver TO `+pgx.Identifier{bob}.Sanitize())
	res, err := db.VerifyWith(as(ana), VerifyOptions{Incremental: true})
	if err != nil || res.Broken == nil || res.FullWhy != "the record of team grants is not the one the ledger saw" ||
		!strings.Contains(res.Broken.Error(), "the record of team grants was cut back outside assay: ledger entry ") {
		t.Fatalf("incremental verify after the cut: %v, why %q, broken %v", err, res.FullWhy, res.Broken)
	}
}
