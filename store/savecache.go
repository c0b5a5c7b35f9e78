package store

import (
	"sync"

	"github.com/assay-dev/assay/assess"
)

// saveCache keeps the assessment as the last save left it, so that the
// next save of the same assessment (the interview saves one answer at a
// time) need not read every answer, plan edit and sign-off back.
//
// The cached copy is used only while it is provably current, checked
// inside the save's write transaction (which holds the write lock, so
// nothing can change between the check and the commit):
//
//   - the head of the assessment's audit chain is the one the cached save
//     wrote. Every change assay makes to an assessment (answers, plan,
//     status, sign-offs, subject, archive), from this handle or another
//     process, appends to that chain in the same transaction, and the
//     head is a hash over the whole chain;
//   - PRAGMA data_version is the one read then: it changes whenever
//     another connection commits anything, so even a change made outside
//     assay, which the chain would not show, reloads the assessment.
//
// A save takes the copy out before changing it and puts it back only
// after its transaction has committed, so a failed save never leaves a
// copy that differs from the database.
type saveCache struct {
	mu      sync.Mutex
	id      int64
	head    string
	version int64
	a       *assess.Assessment
}

// take returns the cached assessment if it is id's as of the given chain
// head and data version, and empties the cache either way.
func (c *saveCache) take(id int64, head string, version int64) *assess.Assessment {
	c.mu.Lock()
	defer c.mu.Unlock()
	a := c.a
	ok := a != nil && c.id == id && c.head == head && c.version == version
	c.a, c.id, c.head, c.version = nil, 0, "", 0
	if !ok {
		return nil
	}
	return a
}

// put keeps a, as committed with chain head head, read at data version
// version.
func (c *saveCache) put(id int64, head string, version int64, a *assess.Assessment) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.a, c.id, c.head, c.version = a, id, head, version
}
