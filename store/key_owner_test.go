package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/questionnaires"
)

// A key belongs to one person (assess/ledger). In a file, one person signs
// with one key whatever name they work under: a reviewer who renames
// themselves keeps the key's first registration, registers nothing new,
// and the file still verifies.
func TestFileKeepsAKeysFirstNameAcrossARename(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "assay.db")
	db, err := Open(path, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.UseKey(testKey)
	q, err := loadTestQuestionnaire("vendor-tiering")
	if err != nil {
		t.Fatal(err)
	}
	a := &assess.Assessment{Subject: "Acme Cloud Ltd", Questionnaire: q, AssessedOn: day("2026-03-01")}
	if err := db.CreateAssessment(as("Ana Analyst"), a); err != nil {
		t.Fatal(err)
	}
	if err := db.SaveAnswer(as("Ana Costa"), a.ID, choice("mfa", "no")); err != nil {
		t.Fatal(err)
	}
	e, err := db.RegisterKey(as("Ana Costa"))
	if err != nil {
		t.Fatal(err)
	}
	if e.Seq != 1 || e.Kind != "genesis" {
		t.Errorf("assay key under the new name answers with entry %d (%s), want the genesis", e.Seq, e.Kind)
	}
	keys, err := db.RegisteredKeys(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(keys) != 1 {
		t.Fatalf("the file registers %d keys, want the one", len(keys))
	}
	if note, _, _ := keys[0].KeyOf(); note.Name != "Ana Analyst" {
		t.Errorf("the key is registered for %q, want its first name, Ana Analyst", note.Name)
	}
	res, err := db.Verify(ctx, 0)
	if err != nil || res.Broken != nil {
		t.Fatalf("verify after the rename: %v %v", res.Broken, err)
	}
	if len(res.Signers) != 1 || res.Signers[0].Name != "Ana Analyst" || res.Signers[0].Entries != 3 {
		t.Errorf("signers: %+v, want Ana Analyst with 3 entries", res.Signers)
	}
}

// keyEntry is a ledger entry registering k's key for name as assay writes
// one, after the ledger's last entry: numbered, linked, hashed, and
// signed with k itself, as only someone holding k can sign it.
func keyEntry(t *testing.T, raw *sql.DB, k *ledger.PrivateKey, name string) ledger.Entry {
	t.Helper()
	var seq int64
	var prev string
	if err := raw.QueryRow(`SELECT seq, hash FROM ledger ORDER BY seq DESC LIMIT 1`).Scan(&seq, &prev); err != nil {
		t.Fatal(err)
	}
	e := ledger.Entry{Seq: seq + 1, At: "2026-03-03T09:00:00Z", Kind: ledger.KindKey, PrevHash: prev,
		Note: ledger.NoteJSON(ledger.KeyNote{Name: name, Key: k.Public().String()})}
	e.Seal(k)
	return e
}

// registerAgain appends keyEntry(k, name) to the ledger.
func registerAgain(t *testing.T, raw *sql.DB, k *ledger.PrivateKey, name string) {
	t.Helper()
	e := keyEntry(t, raw, k, name)
	mustExec(t, raw, insertEntryQuery, entryArgs(&e)...)
}

// ledgerRows is the ledger's entry count and its tip, to tell it unchanged.
func ledgerRows(t *testing.T, raw *sql.DB) string {
	t.Helper()
	var n, tip int64
	var hash string
	if err := raw.QueryRow(`SELECT (SELECT count(*) FROM ledger), seq, hash FROM ledger_tip`).Scan(&n, &tip, &hash); err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%d entries, tip %d %s", n, tip, hash)
}

// refusedAsNotOwn checks that err is the server's refusal (42501) of a
// registration of ana's key by login, naming both.
func refusedAsNotOwn(t *testing.T, err error, what, login, name string, ana *ledger.PrivateKey, anaName string) {
	t.Helper()
	want := fmt.Sprintf("login %s may not register key %s for %s: it is another login's, registered for %s in ledger entry 1",
		login, ana.Public().ID(), name, anaName)
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != "42501" || pe.Message != want {
		t.Errorf("%s: %v, want the server's refusal (42501) %q", what, err, want)
	}
}

// On a team database the server refuses a key another login registered:
// bob, holding ana's private key, cannot register it as his, by raw SQL
// on his own connection, with an entry assay would write; nor can the
// owner, who copies history in. bob with his own key works on, and the
// ledger verifies naming each signer.
func TestTeamRefusesAnotherLoginsKey(t *testing.T) {
	requirePostgres(t)
	ctx := context.Background()
	schemaDSN := teamSchema(t)
	anaDSN := teamLogin(t, schemaDSN, "key ana", "analyst")
	bobDSN := teamLogin(t, schemaDSN, "key bob", "analyst")
	ana, a := openAnswered(t, anaDSN)
	anaKey := testKeyOf("key ana")
	bobSQL, admin := rawTeam(t, bobDSN), rawTeam(t, schemaDSN)
	before := ledgerRows(t, admin)

	stolen := keyEntry(t, bobSQL, anaKey, "key bob")
	_, err := bobSQL.Exec(insertEntryQuery, entryArgs(&stolen)...)
	refusedAsNotOwn(t, err, "bob registering ana's key as his", "key bob", "key bob", anaKey, "key ana")
	var owner string
	if err := admin.QueryRow(`SELECT session_user`).Scan(&owner); err != nil {
		t.Fatal(err)
	}
	copied := keyEntry(t, admin, anaKey, "Someone Else")
	_, err = admin.Exec(insertEntryQuery, entryArgs(&copied)...)
	refusedAsNotOwn(t, err, "the owner registering ana's key for another name", owner, "Someone Else", anaKey, "key ana")
	// Under ana's own name it is hers again, which bob may not write.
	again := keyEntry(t, bobSQL, anaKey, "key ana")
	if _, err := bobSQL.Exec(insertEntryQuery, entryArgs(&again)...); err == nil || !strings.Contains(err.Error(), "may not register a key under the name key ana") {
		t.Errorf("bob registering ana's key for ana: %v, want the server's refusal", err)
	}
	if after := ledgerRows(t, admin); after != before {
		t.Fatalf("the refused registrations changed the ledger: %s, was %s", after, before)
	}

	bob, err := OpenTeam(bobDSN, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer bob.Close()
	// Through assay, bob with ana's key is told whose it is before the
	// server is asked.
	bob.UseKey(anaKey)
	err = bob.SaveAnswer(ctx, a.ID, choose(a, "no"))
	if err == nil || !strings.Contains(err.Error(), `is registered in`) ||
		!strings.Contains(err.Error(), `for "key ana" (ledger entry 1), and a key belongs to one person: it cannot sign as "key bob" too; nothing was recorded`) {
		t.Errorf("bob saving with ana's key: %v", err)
	}
	if after := ledgerRows(t, admin); after != before {
		t.Fatalf("the refused save changed the ledger: %s, was %s", after, before)
	}
	mustAnswer(t, ana, a.ID, "yes")
	useTestKeys(bob)
	if err := bob.SaveAnswer(ctx, a.ID, choose(a, "no")); err != nil {
		t.Fatalf("bob saving with his own key: %v", err)
	}
	res, err := ana.Verify(ctx, 0)
	if err != nil || res.Broken != nil {
		t.Fatalf("verify: %v %v", res.Broken, err)
	}
	signers := map[string]string{}
	for _, s := range res.Signers {
		signers[s.Name] = s.KeyID
	}
	if len(signers) != 2 || signers["key ana"] != anaKey.Public().ID() || signers["key bob"] != testKeyOf("key bob").Public().ID() {
		t.Errorf("signers %v, want ana and bob with their own keys", signers)
	}
}

// A team database at 002 took a key registered again for another login;
// verify now reports it, and once an owner runs assay team init (which
// applies 003 and 004) the server refuses the next such registration.
func TestTeamSchemaUpgradeFrom002(t *testing.T) {
	ctx := context.Background()
	schemaDSN, raw := olderTeam(t, "002_revision_identity")
	anaDSN := teamLogin(t, schemaDSN, "upgrade2 ana", "analyst")
	bobDSN := teamLogin(t, schemaDSN, "upgrade2 bob", "analyst")
	openAnswered(t, anaDSN)
	mustExec(t, raw, `DELETE FROM schema_migrations WHERE applied_at = 'pretend'`)
	anaKey := testKeyOf("upgrade2 ana")
	bobSQL := rawTeam(t, bobDSN)
	registerAgain(t, bobSQL, anaKey, "upgrade2 bob") // 002 lets it in

	upgradeTeam(t, schemaDSN, anaDSN, "002",
		[]string{"CREATE OR REPLACE FUNCTION assay_ledger_entry()", "'003_key_owner'", "'004_submitter_reject'"},
		[]string{"'002_revision_identity'"})

	ana, err := OpenTeam(anaDSN, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer ana.Close()
	useTestKeys(ana)
	res, err := ana.Verify(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := fmt.Sprintf(`the entry registers key %s for "upgrade2 bob", which entry 1 registered for "upgrade2 ana": a key belongs to one person`, anaKey.Public().ID())
	if res.Broken == nil || !strings.Contains(res.Broken.Error(), want) {
		t.Errorf("verify after 002 let bob register ana's key: %v, want %q", res.Broken, want)
	}
	before := ledgerRows(t, raw)
	again := keyEntry(t, bobSQL, anaKey, "upgrade2 bob")
	_, err = bobSQL.Exec(insertEntryQuery, entryArgs(&again)...)
	refusedAsNotOwn(t, err, "bob registering ana's key after the upgrade", "upgrade2 bob", "upgrade2 bob", anaKey, "upgrade2 ana")
	if after := ledgerRows(t, raw); after != before {
		t.Errorf("the refused registration changed the ledger: %s, was %s", after, before)
	}
}

// Two logins that hold one private key and make their first change at
// the same moment both try to register it: the server takes their
// registrations one after the other (under the ledger tip's lock), so one
// is registered and the other refused as another login's key, never both.
// Each round is a new key and two new logins racing.
func TestTeamRegistersAKeyForOneOfTwoLoginsAtOnce(t *testing.T) {
	requirePostgres(t)
	ctx := context.Background()
	schemaDSN := teamSchema(t)
	admin := rawTeam(t, schemaDSN)
	q, err := loadTestQuestionnaire("vendor-tiering")
	if err != nil {
		t.Fatal(err)
	}
	for round := range 4 {
		shared := testKeyOf(fmt.Sprintf("shared key %d", round))
		var dbs [2]*DB
		for i := range dbs {
			db, err := OpenTeam(teamLogin(t, schemaDSN, fmt.Sprintf("racer %d-%d", round, i), "analyst"), questionnaires.Decode)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			db.UseKey(shared)
			dbs[i] = db
		}
		var errs [2]error
		var wg sync.WaitGroup
		start := make(chan struct{})
		for i, db := range dbs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				<-start
				errs[i] = db.CreateAssessment(ctx, &assess.Assessment{Subject: fmt.Sprintf("Vendor %d-%d", round, i), Questionnaire: q, AssessedOn: day("2026-03-01")})
			}()
		}
		close(start)
		wg.Wait()
		if (errs[0] == nil) == (errs[1] == nil) {
			t.Fatalf("round %d: both or neither registered the shared key: %v; %v", round, errs[0], errs[1])
		}
		refused := errs[0]
		if refused == nil {
			refused = errs[1]
		}
		if !strings.Contains(refused.Error(), "it is another login's") && !strings.Contains(refused.Error(), "a key belongs to one person") {
			t.Errorf("round %d: the second login was refused with %v, want the key named as another login's", round, refused)
		}
		var n int
		if err := admin.QueryRow(`SELECT count(*) FROM ledger WHERE key_id = $1 AND kind IN ('genesis', 'key')`, shared.Public().ID()).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("round %d: the shared key is registered %d times", round, n)
		}
	}
	db, err := OpenTeam(schemaDSN, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetTrust(trustTestKeys) // the shared keys are testKeyOf's too
	if res, err := db.Verify(ctx, 0); err != nil || res.Broken != nil {
		t.Fatalf("verify: %v %v", res.Broken, err)
	}
}
