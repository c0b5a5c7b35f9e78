package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/assay-dev/assay/assess/ledger"
)

// grantRecordFixture is a team portfolio in which assay team grant gave
// bob the analyst role and then the approver role (the last two signed
// grant records), and a login mallory, who holds nothing yet. raw is the
// superuser's own connection, with the server's triggers off for it
// (session_replication_role = replica), as a DBA rewriting rows would
// have them, leaving no trace in the catalog.
func grantRecordFixture(t *testing.T) (db *DB, dsn, bob, mallory, malloryDSN string, raw *sql.DB) {
	t.Helper()
	dsn, db = teamTamperFixture(t)
	bob, mallory = uniqueName("bob"), uniqueName("mallory")
	teamLogin(t, dsn, bob)
	malloryDSN = teamLogin(t, dsn, mallory)
	for _, role := range []string{"analyst", "approver"} {
		if _, err := TeamGrant(context.Background(), dsn, grantKey(t, dsn), bob, []string{role}); err != nil {
			t.Fatal(err)
		}
	}
	if got := verifySays(t, db); got != "" {
		t.Fatalf("verify after assay team grant: %s", got)
	}
	raw = rawTeam(t, dsn)
	mustExec(t, raw, `SET session_replication_role = replica`)
	return db, dsn, bob, mallory, malloryDSN, raw
}

// lastGrantRecord is the number and hash of the last signed record of
// grants.
func lastGrantRecord(t *testing.T, raw *sql.DB) (int64, string) {
	t.Helper()
	var seq int64
	var hash string
	if err := raw.QueryRow(`SELECT seq, hash FROM team_grants WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1`).Scan(&seq, &hash); err != nil {
		t.Fatal(err)
	}
	return seq, hash
}

// teamIdentityOf is the identity of the team database raw is connected
// to, which the records of grants are signed for (schema 012).
func teamIdentityOf(t *testing.T, raw *sql.DB) string {
	t.Helper()
	var id string
	if err := raw.QueryRow(`SELECT id FROM team_identity`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	return id
}

// A DBA may grant a role in psql and write a record of it as assay's
// would: the record proved nothing, and verify named nothing. Each
// record is now signed by the login that granted, chained to the one
// before, and verify names a record written, changed or removed outside
// assay, by what it records.
func TestVerifyNamesAGrantRecordWrittenOutsideAssay(t *testing.T) {
	requirePostgres(t)
	db, _, bob, mallory, malloryDSN, raw := grantRecordFixture(t)
	mustExec(t, raw, `GRANT assay_approver TO `+pgx.Identifier{mallory}.Sanitize())
	mustExec(t, raw, `INSERT INTO team_grants (login, role, action, by_login, at) VALUES ($1, 'approver', 'grant', 'postgres', '2026-03-02T09:00:00Z')`, mallory)
	actsIn(t, malloryDSN)
	got := verifySays(t, db)
	want := "the record of team grants was changed outside assay: the unsigned grant record with id "
	if !strings.Contains(got, want) || !strings.Contains(got, "granting "+mallory+" the approver role, by postgres") ||
		!strings.Contains(got, "it is not signed, yet comes after signed grant record ") || strings.Contains(got, bob) {
		t.Fatalf("verify said %q\nwant it to name mallory's record: %q", got, want)
	}
}

// A record a DBA signs with a key of their own, made for the purpose,
// follows the chain as assay's would, and the server takes it (a
// superuser may record a grant): verify says it is signed with a key
// the verifier does not trust, and how to trust it once checked, and
// does not verify it.
func TestVerifyDoesNotVouchForAGrantRecordSignedWithAnUntrustedKey(t *testing.T) {
	requirePostgres(t)
	db, _, _, mallory, _, raw := grantRecordFixture(t)
	mustExec(t, raw, `SET session_replication_role = DEFAULT`)
	mustExec(t, raw, `GRANT assay_approver TO `+pgx.Identifier{mallory}.Sanitize())
	forger, err := ledger.GenerateKey()
	if err != nil {
		t.Fatal(err)
	}
	last, prev := lastGrantRecord(t, raw)
	rec := ledger.GrantRecord{Seq: last + 1, Login: mallory, Role: "approver", Action: "grant", ByLogin: "postgres",
		At: time.Now().UTC().Format("2006-01-02T15:04:05Z"), PrevHash: prev, Team: teamIdentityOf(t, raw)}
	rec.SealGrant(forger)
	mustExec(t, raw, recordGrantStatement(rec))
	res, err := db.Verify(as("Auditor"), 0)
	if err != nil {
		t.Fatal(err)
	}
	b := res.Broken
	if b == nil || !b.Untrusted || !strings.Contains(b.Error(), fmt.Sprintf("grant record %d: granting %s", last+1, mallory)) || !strings.Contains(b.Error(), "granting "+mallory+" the approver role, by postgres") ||
		!strings.Contains(b.Error(), "a key you do not trust ("+forger.Public().ID()+")") ||
		!strings.Contains(b.Error(), "assay key trust postgres "+forger.Public().String()) {
		t.Fatalf("verify said %v\nwant grant record %d not verified, signed with a key not trusted", b, last+1)
	}
}

// A signed record changed, or removed from between two others, is named.
func TestVerifyNamesAGrantRecordChangedOrRemoved(t *testing.T) {
	requirePostgres(t)
	t.Run("changed", func(t *testing.T) {
		db, _, bob, _, _, raw := grantRecordFixture(t)
		last, _ := lastGrantRecord(t, raw)
		mustExec(t, raw, `UPDATE team_grants SET role = 'owner' WHERE seq = $1`, last-1)
		mustExec(t, raw, `GRANT assay_owner TO `+pgx.Identifier{bob}.Sanitize())
		got := verifySays(t, db)
		if want := fmt.Sprintf("grant record %d (granting %s the owner role, by postgres at ", last-1, bob); !strings.Contains(got, want) ||
			!strings.Contains(got, "it does not match its hash: changed outside assay") {
			t.Fatalf("verify said %q\nwant %q… does not match its hash", got, want)
		}
	})
	t.Run("removed", func(t *testing.T) {
		db, _, bob, _, _, raw := grantRecordFixture(t)
		last, _ := lastGrantRecord(t, raw)
		mustExec(t, raw, `DELETE FROM team_grants WHERE seq = $1`, last-1)
		got := verifySays(t, db)
		if want := fmt.Sprintf("grant record %d (granting %s the approver role, by postgres at ", last, bob); !strings.Contains(got, want) ||
			!strings.Contains(got, fmt.Sprintf("numbered %d where %d was expected: a record was removed or added outside assay", last, last-1)) {
			t.Fatalf("verify said %q\nwant %q… removed", got, want)
		}
	})
	t.Run("signed as another login", func(t *testing.T) {
		// A key signs for the one login that first used it.
		db, _, bob, _, _, raw := grantRecordFixture(t)
		last, _ := lastGrantRecord(t, raw)
		mustExec(t, raw, `UPDATE team_grants SET by_login = $1 WHERE seq = $2`, bob, last)
		got := verifySays(t, db)
		if !strings.Contains(got, fmt.Sprintf("grant record %d (granting %s the approver role, by %s", last, bob, bob)) || !strings.Contains(got, "changed outside assay") {
			t.Fatalf("verify said %q\nwant grant record %d named as changed", got, last)
		}
	})
}

// The server takes a record only through assay_record_grant, signed,
// after the last one, now, and with a key no other login signs with.
func TestTeamGrantRecordIsSignedOnTheServer(t *testing.T) {
	requirePostgres(t)
	_, _, bob, mallory, _, raw := grantRecordFixture(t)
	mustExec(t, raw, `SET session_replication_role = DEFAULT`)
	if _, err := raw.Exec(`INSERT INTO team_grants (login, role, action, by_login, at) VALUES ($1, 'analyst', 'revoke', 'postgres', 'now')`, bob); err == nil ||
		!strings.Contains(err.Error(), "every record of a team grant is signed") {
		t.Errorf("an unsigned row inserted by the superuser: %v, want it refused", err)
	}
	mustExec(t, raw, `GRANT assay_auditor TO `+pgx.Identifier{mallory}.Sanitize())
	last, prev := lastGrantRecord(t, raw)
	now := time.Now().UTC()
	for _, c := range []struct {
		what string
		rec  ledger.GrantRecord
		key  *ledger.PrivateKey
		want string
	}{
		{"a record not after the last", ledger.GrantRecord{Seq: last, PrevHash: prev, At: now.Format(time.RFC3339)}, testKeyOf("postgres"), "does not follow the last record of grants"},
		{"a record dated an hour ago", ledger.GrantRecord{Seq: last + 1, PrevHash: prev, At: now.Add(-time.Hour).Format(time.RFC3339)}, testKeyOf("postgres"), "recorded at the time it is made"},
		{"a record signed with another login's key", ledger.GrantRecord{Seq: last + 1, PrevHash: prev, At: now.Format(time.RFC3339)}, testKeyOf("Ana Analyst"), "it is another login's"},
		{"a record signed for another team database", ledger.GrantRecord{Seq: last + 1, PrevHash: prev, At: now.Format(time.RFC3339), Team: "00000000-0000-4000-8000-000000000000"},
			testKeyOf("postgres"), "is not this one's"},
	} {
		rec := c.rec
		if rec.Team == "" {
			rec.Team = teamIdentityOf(t, raw)
		}
		rec.Login, rec.Role, rec.Action, rec.ByLogin = mallory, "auditor", "grant", "postgres"
		rec.SealGrant(c.key)
		if _, err := raw.Exec(recordGrantStatement(rec)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want it refused: %q", c.what, err, c.want)
		}
	}
}

// A database upgraded from 010 keeps its unsigned records: verify does
// not fail for them, nor vouch for them, but lists the roles they alone
// say assay granted; assay team grant records such a role again, signed.
func TestVerifyListsGrantsRecordedBeforeSigning(t *testing.T) {
	requirePostgres(t)
	dsn := teamSchemaAt(t, "010_team_grants")
	carla := uniqueName("carla")
	carlaDSN := teamLogin(t, dsn, carla, "analyst")
	teamInitTo(t, dsn, "")
	actsIn(t, carlaDSN)
	db := useTestKeys(openTeamAs(t, dsn))
	res, err := db.Verify(as("Auditor"), 0)
	if err != nil || res.Broken != nil {
		t.Fatalf("verify after the upgrade to 011: %v %v", res.Broken, err)
	}
	want := carla + " holds the analyst role (granted by postgres at "
	if got := strings.Join(res.UnsignedGrants, "; "); !strings.Contains(got, want) {
		t.Fatalf("grants recorded before signing: %q, want %q…", got, want)
	}
	ran, err := TeamGrant(context.Background(), dsn, grantKey(t, dsn), carla, []string{"analyst"})
	if err != nil || !strings.Contains(strings.Join(ran, "\n"), "assay_record_grant('"+carla+"', 'analyst', 'grant', 1, ") {
		t.Fatalf("assay team grant of a role recorded unsigned ran %q (%v), want it recorded again, signed", ran, err)
	}
	if res, err := db.Verify(as("Auditor"), 0); err != nil || res.Broken != nil || len(res.UnsignedGrants) != 0 {
		t.Fatalf("verify after the grant was signed: %v, unsigned %q, %v", res.Broken, res.UnsignedGrants, err)
	}
	// The unsigned records are held as they were once signing began.
	raw := rawTeam(t, dsn)
	mustExec(t, raw, `SET session_replication_role = replica`)
	mustExec(t, raw, `UPDATE team_grants SET by_login = 'someone else' WHERE seq IS NULL`)
	if got := verifySays(t, db); !strings.Contains(got, "grant record 1 (") || !strings.Contains(got, "the records before grants were signed are not the ones it follows") {
		t.Fatalf("verify after an unsigned record was changed: %q", got)
	}
}
