package store

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/assay-dev/assay/assess"
	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/questionnaires"
)

// Schema 006 lets every login that writes record verify checkpoints. A
// login cannot use that to make a colleague's incremental verify skip
// anything: a checkpoint under the colleague's key is refused by the
// server, and one under the login's own key, whatever it names (a ledger
// tip that does not exist yet, the colleague's own checkpoint's note), is
// not the colleague's to start from; an entry written round assay's
// signing breaks the colleague's verify rather than passing it.
func TestTeamCheckpointCannotBeForgedForAColleague(t *testing.T) {
	requirePostgres(t)
	schema := teamSchema(t)
	logins := map[string]string{}
	open := func(login string, roles ...string) *DB {
		dsn := teamLogin(t, schema, login, roles...)
		logins[login] = dsn
		db, err := OpenTeam(dsn, questionnaires.Decode)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		db.UseKey(testKeyOf(login))
		db.SetTrust(trustTestKeysAs(login))
		return db
	}
	ana, dee := uniqueName("fg-ana"), uniqueName("fg-dee")
	aDB, dDB := open(ana, "analyst", "approver"), open(dee, "analyst")
	_, q := testDB(t)
	newAssessment(t, aDB, q, "Acme Cloud Ltd", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})
	// Dee registers her key by saving once.
	newAssessment(t, dDB, q, "Initech", day("2026-03-01"), []assess.Answer{choice("mfa", "no")})
	full, err := aDB.VerifyWith(as(ana), VerifyOptions{Checkpoint: true})
	if err != nil || full.Broken != nil || full.Recorded == nil {
		t.Fatalf("%s records a checkpoint: %v, broken %v", ana, err, full.Broken)
	}
	raw := rawTeam(t, logins[dee])
	tip := func() (int64, string) {
		var seq int64
		var hash string
		if err := raw.QueryRow(ledgerTipQuery).Scan(&seq, &hash); err != nil {
			t.Fatal(err)
		}
		return seq, hash
	}
	note, err := full.Recorded.VerifiedOf()
	if err != nil {
		t.Fatal(err)
	}
	insert := func(keyID string, n ledger.VerifiedNote) error {
		seq, prev := tip()
		b, _ := json.Marshal(n)
		_, err := raw.Exec(`INSERT INTO ledger (seq, at, kind, key_id, note, leaves, prev_hash, hash, signature) VALUES (?, ?, 'verified', ?, ?, '', ?, ?, ?)`,
			seq+1, "2026-03-10T09:00:00Z", keyID, string(b), prev, strings.Repeat("0", 64), "forged")
		return err
	}
	// Under Ana's key: refused by the server.
	later := note
	later.Through, later.Hash = 1_000_000, strings.Repeat("f", 64)
	if err := insert(full.Recorded.KeyID, later); err == nil || !strings.Contains(err.Error(), "which it has not registered") {
		t.Fatalf("%s recorded a checkpoint under %s's key: %v", dee, ana, err)
	}
	// A change of Dee's after Ana's checkpoint.
	if err := dDB.SaveAnswer(as(dee), 2, choice("mfa", "yes")); err != nil {
		t.Fatal(err)
	}
	// Under Dee's own key, naming a tip that does not exist, written
	// round assay's signing (the server checks the key's holder, not the
	// signature).
	if err := insert(testKeyOf(dee).Public().ID(), later); err != nil {
		t.Fatalf("the server refused %s's entry under her own key, which the test needs to go on: %v", dee, err)
	}
	res, err := aDB.VerifyWith(as(ana), VerifyOptions{Incremental: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Broken == nil {
		t.Fatalf("%s's incremental verify passed over a forged entry (since %v, why %q, changed %d)", ana, res.Since, res.FullWhy, res.Changed)
	}
	if !strings.Contains(res.Broken.Error(), "altered") && !strings.Contains(res.Broken.Error(), "signature") {
		t.Errorf("%s's verify names the forged entry otherwise: %v", ana, res.Broken)
	}
}
