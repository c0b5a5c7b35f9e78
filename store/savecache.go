package store

import (
	"sync"

	"github.com/assay-dev/assay/assess"
)

// saveCache keeps the assessment as the last save left it, so that the
// next save of the same assessment (the interview saves one answer at a
// time) need not read it back: every answer, plan edit and sign-off.
//
// A save from the copy checks, in its last statement and so inside its
// write transaction (which holds the write lock: nothing can change
// between the check and the commit), that the copy is still current:
//
//   - the head of the assessment's audit chain is the one the cached save
//     wrote. Every change assay makes to an assessment (answers, plan,
//     status, sign-offs, subject, archive), from this handle or another
//     process, appends to that chain in the same transaction, and the
//     head is a hash over the whole chain;
//   - PRAGMA data_version is the one the cached save read: it changes
//     whenever another connection commits anything, so even a change made
//     outside assay, which the chain would not show, is seen.
//
// If either differs the save is rolled back and done again from the
// database (SaveAnswers). A save takes the copy out before changing it
// and puts it back only after its transaction has committed, so a failed
// save never leaves a copy that differs from the database.
type saveCache struct {
	mu sync.Mutex
	s  *saveState
}

// saveState is an assessment as a save leaves it: its audit chain's
// length and head, and the data version the save read.
type saveState struct {
	id      int64
	count   int64
	head    string
	version int64
	a       *assess.Assessment
	// The UUIDs of its subject and of the assessment it revises, for
	// its ledger state (answers.go, saveState.leaf).
	subjectUUID, revisionOf string
}

// take returns the copy of assessment id, if there is one, and empties
// the cache either way.
func (c *saveCache) take(id int64) *saveState {
	c.mu.Lock()
	defer c.mu.Unlock()
	s := c.s
	c.s = nil
	if s == nil || s.id != id {
		return nil
	}
	return s
}

// put keeps s, as committed.
func (c *saveCache) put(s *saveState) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.s = s
}
