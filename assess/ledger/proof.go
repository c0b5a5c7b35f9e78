package ledger

import (
	"fmt"
	"slices"
)

// Proof shows, without the database, that a signed ledger entry committed
// to one owner's chain head and state: the entry (with its leaves'
// hashes only), the owner's leaf, the state the leaf names, and the key
// that signed it. An export carries one for its assessment and one for
// its subject.
type Proof struct {
	Entry  Entry  `json:"entry"`
	Leaf   Leaf   `json:"leaf"`
	State  State  `json:"state"`
	Key    string `json:"key"`    // the signer's public key, text form
	Signer string `json:"signer"` // the name the key was registered under
}

// NewProof builds the proof of leaf i of entry e.
func NewProof(e Entry, i int, state State, key PublicKey, signer string) *Proof {
	p := &Proof{Entry: e, Leaf: e.Leaves[i], State: state, Key: key.String(), Signer: signer}
	p.Entry.LeafHashes = make([]string, len(e.Leaves))
	for j, l := range e.Leaves {
		p.Entry.LeafHashes[j] = l.Hash()
	}
	p.Entry.Leaves = nil
	return p
}

// Check verifies the proof on its own: the leaf is among the entry's, the
// entry's hash covers them, the key signed that hash, and the state is
// the one the leaf names. It returns the key. Errors name the proof's
// field at fault; whether the key is trusted is the caller's question.
func (p *Proof) Check() (PublicKey, error) {
	if !slices.Contains(p.Entry.LeafHashes, p.Leaf.Hash()) {
		return nil, fmt.Errorf("leaf: is not one of the entry's leaves: the head was altered")
	}
	e := p.Entry
	e.Leaves = nil
	if e.ComputeHash() != e.Hash {
		return nil, fmt.Errorf("entry.hash: does not match the entry's content: the entry was altered")
	}
	key, err := ParsePublicKey(p.Key)
	if err != nil {
		return nil, fmt.Errorf("key: %v", err)
	}
	if key.ID() != e.KeyID {
		return nil, fmt.Errorf("key: is %s, but the entry was signed by %s", key.ID(), e.KeyID)
	}
	if !key.Verify(e.Hash, e.Signature) {
		return nil, fmt.Errorf("entry.signature: does not verify with the key: the entry or its signature was altered")
	}
	if p.State.Hash() != p.Leaf.State {
		return nil, fmt.Errorf("state: is not the state the leaf signed: the state was altered")
	}
	return key, nil
}

// Pin is an assessment's head as a committee's copy (a report, an OSCAL
// file, an export) records it: the chain's length and head hash, and the
// signed ledger entry that committed to them. A database that still holds
// this history, and only appended to it, has the same record at that
// position and the same entry at that number.
type Pin struct {
	Assessment string // UUID
	Records    int64
	Head       string
	// The signed entry; Entry is 0 when no signed entry was the
	// assessment as it was when the copy was made: none yet, or (Stale)
	// the latest one signed it otherwise, as it was before a change made
	// outside assay.
	Entry     int64
	Stale     int64
	EntryHash string
	KeyID     string
	Signer    string
	Signature string
}

// PinOf is the pin of an assessment's proof.
func PinOf(p *Proof) Pin {
	return Pin{Assessment: p.Leaf.UUID, Records: p.Leaf.Records, Head: p.Leaf.Head, Entry: p.Entry.Seq,
		EntryHash: p.Entry.Hash, KeyID: p.Entry.KeyID, Signer: p.Signer, Signature: p.Entry.Signature}
}
