package ledger

import (
	"fmt"
	"runtime"
	"sync"
)

// Break is the first thing wrong with a ledger: the entry at fault (0 when
// the ledger as a whole is) and why.
type Break struct {
	Entry  int64
	Reason string
	// Untrusted: the entry is signed by a key the verifier has not chosen
	// to trust. Nothing is shown altered; what it and the entries after it
	// sign is not vouched for until the key is trusted.
	Untrusted bool
	// Signer is the untrusted key and the name it was registered under.
	Signer *Signer
}

func (b *Break) Error() string {
	if b.Entry == 0 {
		return "ledger: " + b.Reason
	}
	return fmt.Sprintf("ledger entry %d: %s", b.Entry, b.Reason)
}

// Signer is a key that signed entries of a ledger, as a verifier sees it.
type Signer struct {
	KeyID   string
	Key     PublicKey
	Name    string // the name the ledger registered it under
	Entry   int64  // the entry that registered it
	Entries int    // entries it signed, of those checked
	Trust   Trusted
	Trusted bool
}

// Seen is what the ledger says of one owner (an assessment or a subject):
// the entry it first and last appears in, and its latest leaf.
type Seen struct {
	Leaf
	First, Last int64 // entry numbers
	// FirstKind is the kind of the entry it first appears in: a
	// checkpoint means its history up to FirstRecords predates signing.
	FirstKind    string
	FirstRecords int64
}

// Checker checks a ledger entry by entry, in order: the numbering, each
// entry's hash and link, that its key was registered before it (a key
// entry is signed by the key it registers, and registers no key already
// registered under another name), that the key is trusted, and its
// signature. Signatures are checked in batches on every core.
type Checker struct {
	trusted *Keyring
	next    int64
	prev    string
	keys    map[string]*Signer // registered, by key ID
	batch   []sigJob
	broken  *Break

	// Only, when set, limits the trust and signature checks to the
	// entries it returns true for (verifying one assessment); numbering,
	// links and hashes are checked for every entry.
	Only func(seq int64) bool

	Signers []*Signer        // in the order they were registered
	Seen    map[string]*Seen // by owner UUID
	Entries int
	Checked int      // entries whose key and signature were checked (all, without Only)
	Genesis *KeyNote // the genesis entry's note
	// Checkpoint is the first checkpoint entry, if signing began on a
	// database written before it; nil when signed from its creation.
	Checkpoint *Entry
}

type sigJob struct {
	seq       int64
	key       PublicKey
	hash, sig string
}

// sigBatch is how many signatures are checked together, across cores.
const sigBatch = 512

// NewChecker starts checking a ledger against the keys a verifier trusts.
func NewChecker(trusted *Keyring) *Checker {
	return &Checker{trusted: trusted, next: 1, keys: map[string]*Signer{}, Seen: map[string]*Seen{}}
}

// Add checks the next entry (with its leaves). It returns the first break
// found so far, after which the checker takes no more entries.
func (c *Checker) Add(e *Entry) *Break {
	if c.broken != nil {
		return c.broken
	}
	if b := c.check(e); b != nil {
		c.flush()
		if c.broken == nil || c.broken.Entry > b.Entry {
			c.broken = b
		}
		return c.broken
	}
	if len(c.batch) >= sigBatch {
		c.flush()
	}
	return c.broken
}

func (c *Checker) check(e *Entry) *Break {
	brk := func(format string, args ...any) *Break {
		return &Break{Entry: e.Seq, Reason: fmt.Sprintf(format, args...)}
	}
	switch {
	case e.Seq > c.next:
		return &Break{Entry: c.next, Reason: fmt.Sprintf("the entry is missing (deleted): entry %d follows entry %d", e.Seq, c.next-1)}
	case e.Seq < c.next:
		return brk("the entry appears twice")
	case e.PrevHash != c.prev:
		return brk("the entry does not follow entry %d: its link does not match that entry's hash (one of them was altered or replaced)", e.Seq-1)
	case e.ComputeHash() != e.Hash:
		return brk("the entry was altered: its hash does not match its content (%s at %s)", e.Kind, e.At)
	case !sameLeaves(e):
		return brk("its leaves are not the ones it lists: a signed head was altered, removed or added")
	case e.Seq == 1 && e.Kind != KindGenesis:
		return brk("the ledger does not start with its genesis entry")
	case e.Seq != 1 && e.Kind == KindGenesis:
		return brk("a second genesis entry: the ledger was restarted")
	case e.KeyID == "" || e.Signature == "":
		return brk("the entry is not signed: it was written by a program without a signing key, or forged")
	}
	if note, key, ok := e.KeyOf(); ok {
		if key.ID() != e.KeyID {
			return brk("the entry registers key %s for %s but is signed by key %s: a key is registered by its own signature", key.ID(), note.Name, e.KeyID)
		}
		// A key belongs to one person: registered again under another
		// name, every entry it signs would read as the first name's
		// (someone holding a colleague's key, stolen or shared, signing
		// as themselves), so the ledger is broken. Again under the same
		// name it says nothing new.
		if first := c.keys[e.KeyID]; first != nil && first.Name != note.Name {
			if !key.Verify(e.Hash, e.Signature) {
				return brk("%s", badSignature)
			}
			return brk("the entry registers key %s for %q, which entry %d registered for %q: a key belongs to one person",
				e.KeyID, note.Name, first.Entry, first.Name)
		}
		if c.keys[e.KeyID] == nil {
			s := &Signer{KeyID: e.KeyID, Key: key, Name: note.Name, Entry: e.Seq}
			s.Trust, s.Trusted = c.trusted.Lookup(e.KeyID)
			c.keys[e.KeyID] = s
			c.Signers = append(c.Signers, s)
		}
		if e.Kind == KindGenesis {
			c.Genesis = &note
		}
	} else if e.Kind == KindGenesis || e.Kind == KindKey {
		return brk("the entry does not read as the registration of a key")
	}
	s := c.keys[e.KeyID]
	if s == nil {
		return brk("the entry is signed by key %s, which no earlier entry registers", e.KeyID)
	}
	checked := c.Only == nil || c.Only(e.Seq)
	if checked && !s.Trusted {
		b := brk("the entry is signed by %q with key %s, a key you do not trust. If it is a colleague's, check that fingerprint with them, then run: assay key trust %q %s",
			s.Name, s.KeyID, s.Name, s.Key)
		b.Untrusted, b.Signer = true, s
		return b
	}
	if checked {
		s.Entries++
		c.Checked++
		c.batch = append(c.batch, sigJob{seq: e.Seq, key: s.Key, hash: e.Hash, sig: e.Signature})
	}
	for _, l := range e.Leaves {
		seen := c.Seen[l.UUID]
		if seen == nil {
			seen = &Seen{First: e.Seq, FirstKind: e.Kind, FirstRecords: l.Records}
			c.Seen[l.UUID] = seen
		}
		seen.Leaf, seen.Last = l, e.Seq
	}
	if e.Kind == KindCheckpoint && c.Checkpoint == nil {
		cp := *e
		cp.Leaves = nil
		c.Checkpoint = &cp
	}
	c.prev, c.next = e.Hash, e.Seq+1
	c.Entries++
	return nil
}

const badSignature = "its signature does not verify with the key that signed it: the entry, or the signature, was altered"

// flush checks the batch's signatures and keeps the earliest failure.
func (c *Checker) flush() {
	jobs := c.batch
	c.batch = c.batch[:0]
	if len(jobs) == 0 {
		return
	}
	workers := min(runtime.GOMAXPROCS(0), len(jobs))
	bad := make([]int64, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(jobs); i += workers {
				j := jobs[i]
				if !j.key.Verify(j.hash, j.sig) && (bad[w] == 0 || j.seq < bad[w]) {
					bad[w] = j.seq
				}
			}
		})
	}
	wg.Wait()
	var first int64
	for _, b := range bad {
		if b != 0 && (first == 0 || b < first) {
			first = b
		}
	}
	if first != 0 && (c.broken == nil || first < c.broken.Entry) {
		c.broken = &Break{Entry: first, Reason: badSignature}
	}
}

// Finish checks the signatures still waiting and returns the first break.
func (c *Checker) Finish() *Break {
	c.flush()
	return c.broken
}

// Head is the last entry's number and hash.
func (c *Checker) Head() (int64, string) { return c.next - 1, c.prev }

// sameLeaves reports whether an entry read with both its leaves and the
// hashes it lists for them has the leaves it lists. (The hash covers the
// leaves; the list is how a proof names them without the leaves.)
func sameLeaves(e *Entry) bool {
	if e.Leaves == nil || e.LeafHashes == nil {
		return true
	}
	if len(e.Leaves) != len(e.LeafHashes) {
		return false
	}
	for i, l := range e.Leaves {
		if l.Hash() != e.LeafHashes[i] {
			return false
		}
	}
	return true
}
