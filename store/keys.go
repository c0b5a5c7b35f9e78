package store

import (
	"context"
	"sync"

	"github.com/assay-dev/assay/assess/ledger"
)

// keys are who signs this handle's writes and whose signatures its
// verify trusts. Both come from outside the database (the command line
// reads them from the config folder), and both are asked for only when
// needed: a read never creates or loads a key.
type keys struct {
	mu     sync.Mutex
	source func() (*ledger.PrivateKey, error)
	key    *ledger.PrivateKey
	trust  func() (*ledger.Keyring, error)
	// registered holds key IDs seen registered in this database's
	// ledger; a key is never unregistered, so this is never stale.
	registered map[string]bool
	// perLogin, in tests only, is each login's own key, for the tests
	// that act as many logins with one handle (pgDialect.actAs): on a
	// team database a key belongs to the one login that registered it.
	perLogin func(login string) *ledger.PrivateKey
}

// UseKey signs this handle's writes with k and trusts k's signatures.
func (db *DB) UseKey(k *ledger.PrivateKey) {
	db.keys.mu.Lock()
	defer db.keys.mu.Unlock()
	db.keys.key, db.keys.source, db.keys.perLogin = k, nil, nil
}

// SetKeySource gives the handle its signing key on its first write: the
// command line loads the person's key then, creating it if they have none.
func (db *DB) SetKeySource(source func() (*ledger.PrivateKey, error)) {
	db.keys.mu.Lock()
	defer db.keys.mu.Unlock()
	db.keys.key, db.keys.source, db.keys.perLogin = nil, source, nil
}

// SetTrust gives the keys verify and import trust, asked for when they
// run. Without it they trust the handle's own signing key only.
func (db *DB) SetTrust(trust func() (*ledger.Keyring, error)) {
	db.keys.mu.Lock()
	defer db.keys.mu.Unlock()
	db.keys.trust = trust
}

// signingKey is the key this handle signs with, loading it the first
// time; nil when the handle has none (its writes are then unsigned, and
// verify refuses them).
func (db *DB) signingKey(ctx context.Context) (*ledger.PrivateKey, error) {
	db.keys.mu.Lock()
	defer db.keys.mu.Unlock()
	if db.keys.perLogin != nil {
		return db.keys.perLogin(db.actor(ctx)), nil
	}
	if db.keys.key == nil && db.keys.source != nil {
		k, err := db.keys.source()
		if err != nil {
			return nil, err
		}
		db.keys.key, db.keys.source = k, nil
	}
	return db.keys.key, nil
}

// trusted is the keyring verify and import check signatures against.
func (db *DB) trusted() (*ledger.Keyring, error) {
	db.keys.mu.Lock()
	trust, key := db.keys.trust, db.keys.key
	db.keys.mu.Unlock()
	if trust != nil {
		return trust()
	}
	ring := &ledger.Keyring{}
	if key != nil {
		ring.Add(ledger.Trusted{Key: key.Public(), Name: "this handle's key", Own: true})
	}
	return ring, nil
}

func (db *DB) isRegistered(id string) bool {
	if db.dialect.writersVary() {
		return false // each write may be another login's (tests)
	}
	db.keys.mu.Lock()
	defer db.keys.mu.Unlock()
	return db.keys.registered[id]
}

func (db *DB) markRegistered(id string) {
	db.keys.mu.Lock()
	defer db.keys.mu.Unlock()
	if db.keys.registered == nil {
		db.keys.registered = map[string]bool{}
	}
	db.keys.registered[id] = true
}
