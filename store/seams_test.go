package store

import (
	"testing"
)

// The only setters of the store's test seams (test_seams.go).

// holdBeforeSeal has each write transaction of db call hold once its
// change is made and checked, before it is sealed and committed, until
// t ends.
func holdBeforeSeal(t testing.TB, db *DB, hold func()) {
	db.seams.beforeSeal = hold
	t.Cleanup(func() { db.seams.beforeSeal = nil })
}

// leaveArchiveRulesToServer has db skip assay's own checks of the
// archive's rules (off true), so that the team server's refusal answers,
// or check them again (off false).
func leaveArchiveRulesToServer(db *DB, off bool) { db.seams.archiveChecksOff = off }

// cutBetweenSaveExchanges has db's pipelined saves that read the ledger's
// tip first call cut between their two exchanges, with a function that
// ends their connection, until t ends.
func cutBetweenSaveExchanges(t testing.TB, db *DB, cut func(endConnection func())) {
	db.seams.betweenSaveExchanges = cut
	t.Cleanup(func() { db.seams.betweenSaveExchanges = nil })
}
