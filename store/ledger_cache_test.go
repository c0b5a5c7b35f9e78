package store

import "testing"

// Goroutines share a handle, whose one connection runs their transactions
// one after the other, but each records what its write left (committed)
// only after the commit, in any order. An older write recording its tip
// late, after a newer write sealed the next entry but before that one
// recorded its own, must not hand the next save its stale tip as usable:
// that save would seal the same entry number again (TestConcurrentHandles
// LoseNothing failed so under load: UNIQUE constraint failed: ledger.seq).
func TestALateCommitNeverHandsOutAStaleTip(t *testing.T) {
	db := &DB{}
	const version = 7 // no other connection commits throughout
	older, newer := &touched{}, &touched{}

	db.sealing() // the older write seals entry 10, and commits
	older.sealed, older.version = tipState{seq: 10, hash: "h10"}, version
	older.sealGen = db.ledgerCache.seals
	db.sealing() // the newer write seals entry 11, and commits
	newer.sealed, newer.version = tipState{seq: 11, hash: "h11"}, version
	newer.sealGen = db.ledgerCache.seals

	db.committed(older) // late: the newer write has not recorded its tip yet
	next := &touched{}
	db.knowTip(next, version)
	if next.tip != nil {
		t.Fatalf("the next save was handed tip %d, which entry 11 already follows", next.tip.seq)
	}

	db.committed(newer)
	next = &touched{}
	db.knowTip(next, version)
	if next.tip == nil || next.tip.seq != 11 {
		t.Fatalf("after the newer write recorded its tip, the next save got %+v, want entry 11", next.tip)
	}
}
