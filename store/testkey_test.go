package store

import (
	"crypto/sha256"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/assay-dev/assay/assess/ledger"
	"github.com/assay-dev/assay/questionnaires"
)

// testKey signs every test file's writes, as a person's key signs
// theirs; verify trusts it because the handle signs with it. A file
// registers it once, under the first name that writes, whoever writes
// after.
var testKey = func() *ledger.PrivateKey {
	k, err := ledger.GenerateKey()
	if err != nil {
		panic(err)
	}
	return k
}()

// testLoginKeys are the keys testKeyOf has made, by login.
var testLoginKeys sync.Map

// testKeyOf is the key a login signs with in the tests of a team
// database: its own, as on a real team (the server refuses a key another
// login registered), and the same in every run, derived from the name.
func testKeyOf(login string) *ledger.PrivateKey {
	if k, ok := testLoginKeys.Load(login); ok {
		return k.(*ledger.PrivateKey)
	}
	seed := sha256.Sum256([]byte("assay test key\x00" + login))
	k, err := ledger.KeyFromSeed(seed[:])
	if err != nil {
		panic(err)
	}
	testLoginKeys.Store(login, k)
	return k
}

// trustTestKeys trusts testKey and every login's key made so far: a
// key signs only after it is made, so verify trusts every test signer.
func trustTestKeys() (*ledger.Keyring, error) {
	ring := &ledger.Keyring{}
	ring.Add(ledger.Trusted{Key: testKey.Public(), Name: "the test key", Own: true})
	testLoginKeys.Range(func(login, k any) bool {
		ring.Add(ledger.Trusted{Key: k.(*ledger.PrivateKey).Public(), Name: login.(string)})
		return true
	})
	return ring, nil
}

// useTestKeys gives a test handle its signers' keys: testKey on a file;
// on a team database each login's own, the handle's login or, on a
// handle acting as many (openTeamAs), the login of each write; and
// trust in all of them.
func useTestKeys(db *DB) *DB {
	d, team := db.dialect.(*pgDialect)
	switch {
	case !team:
		db.UseKey(testKey)
		return db
	case d.actAs:
		db.UseKey(nil)
		db.keys.mu.Lock()
		db.keys.perLogin = testKeyOf
		db.keys.mu.Unlock()
	default:
		db.UseKey(testKeyOf(db.login))
	}
	db.SetTrust(trustTestKeys)
	return db
}

// trustTestKeysAs is trustTestKeys with login's key as the verifier's
// own: the trust of that login's assay on a team database, which starts
// incremental verifies from its own checkpoints only.
func trustTestKeysAs(login string) func() (*ledger.Keyring, error) {
	return func() (*ledger.Keyring, error) {
		ring := &ledger.Keyring{}
		ring.Add(ledger.Trusted{Key: testKeyOf(login).Public(), Name: login, Own: true})
		others, _ := trustTestKeys()
		for _, k := range others.Keys() {
			ring.Add(k)
		}
		return ring, nil
	}
}

// grantKey is the key the login of dsn signs its records of grants with
// (assay team grant, revoke and init): that login's own test key, which
// trustTestKeys trusts once it is made.
func grantKey(t testing.TB, dsn string) KeySource {
	t.Helper()
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		t.Fatal(err)
	}
	return func() (*ledger.PrivateKey, error) { return testKeyOf(cfg.User), nil }
}

// openTeamWithTestKey opens the team schema dsn names as its own login,
// signing with that login's test key and trusting every test key, as
// assay migrate --to opens the team database it copies into.
func openTeamWithTestKey(t *testing.T, dsn string) *DB {
	t.Helper()
	db, err := OpenTeam(dsn, questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return useTestKeys(db)
}

// openFileWithTestKey opens a new personal database, signing with
// testKey, whatever store the test around it runs on: the file a
// portfolio is moved from.
func openFileWithTestKey(t *testing.T) *DB {
	t.Helper()
	db, err := Open(tempPath(t), questionnaires.Decode)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.UseKey(testKey)
	return db
}
