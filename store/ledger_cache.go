package store

import (
	"sync"

	"github.com/assay-dev/assay/assess/ledger"
)

// The save path writes a ledger entry with every answer. To keep its cost
// small (docs/performance.md) it reads nothing back that it already
// knows: the ledger's tip, the assessment's state (from the save cache),
// and whether a state is stored already. Each is known only as far as
// this handle's own commits go: the tip and the stored states are
// recorded after a write commits, never before; every write forgets the
// tip before it commits (sealing); and the tip is used only by a save
// that has checked, in its own transaction, that no other connection has
// committed since the tip was recorded (PRAGMA data_version, as the save
// cache checks).

// tipState is the ledger's last entry.
type tipState struct {
	seq  int64
	hash string
}

// knownLeaf is a leaf and its state, as the save path computed them.
type knownLeaf struct {
	leaf  ledger.Leaf
	state ledger.State
}

// ledgerCache is what this handle knows of the ledger.
type ledgerCache struct {
	mu sync.Mutex
	// tip, when version is not 0, is the ledger's tip as of data
	// version version: valid while the data version is the same.
	tip     tipState
	version int64
	// seals counts the writes that have sealed a ledger entry: a write's
	// tip is usable only if no other write sealed after it (committed).
	seals int64
	// states are state hashes stored in ledger_states (never removed).
	states map[string]bool
}

// maxKnownStates bounds the stored-states cache; when it is full it starts
// again (a state not known is only inserted again, and ignored).
const maxKnownStates = 4096

// knowTip tells a save's seal the ledger's tip, if the handle recorded it
// at data version version (the one the save validated).
func (db *DB) knowTip(t *touched, version int64) {
	c := &db.ledgerCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != 0 && c.version == version {
		tip := c.tip
		t.tip = &tip
	}
	t.version = version
}

// lastTip is the ledger's tip as this handle's last write left it (seq 0
// before its first), whatever others have written since: a save on the
// server signs on it and checks it under the tip's lock
// (postgres_save.go).
func (db *DB) lastTip() tipState {
	c := &db.ledgerCache
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.tip
}

// knowLeaf tells seal an owner's leaf and state, as the save left them.
func (t *touched) knowLeaf(o owner, l ledger.Leaf, s ledger.State) {
	if t.known == nil {
		t.known = map[owner]knownLeaf{}
	}
	t.known[o] = knownLeaf{l, s}
}

func (db *DB) stateStored(hash string) bool {
	c := &db.ledgerCache
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.states[hash]
}

// sealing forgets the tip: seal calls it inside its transaction, before
// the commit, so that a transaction of this handle that begins between
// this commit and committed (goroutines share the handle; its one
// connection serializes their transactions, not what follows them) never
// uses the tip from before it.
func (db *DB) sealing() int64 {
	c := &db.ledgerCache
	c.mu.Lock()
	defer c.mu.Unlock()
	c.version = 0
	c.seals++
	return c.seals
}

// committed records what a write that committed left in the ledger. A
// write's committed can run after a later write's: an older tip never
// replaces a newer one, and a tip some later write has sealed past is
// never usable.
func (db *DB) committed(t *touched) {
	if t == nil {
		return
	}
	if t.sealed.seq > 0 {
		db.own.wrote(t.first, t.sealed.seq)
	}
	c := &db.ledgerCache
	c.mu.Lock()
	defer c.mu.Unlock()
	if t.sealed.seq > c.tip.seq {
		// Without a validated data version the tip may be behind another
		// connection's commits: it is recorded, but not for use. Nor is it
		// when another write of this handle sealed after this one: that
		// write's entry follows this tip, and it may not have recorded
		// its own tip yet.
		c.tip, c.version = t.sealed, t.version
		if t.sealGen != c.seals {
			c.version = 0
		}
	}
	if c.states == nil || len(c.states)+len(t.stored) > maxKnownStates {
		c.states = map[string]bool{}
	}
	for _, h := range t.stored {
		c.states[h] = true
	}
}
