package ledger

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
)

// KindVerified is a verify checkpoint: the verifier who signed it checked
// the ledger up to entry Through and every assessment and subject then
// in the database, and found them intact. A later incremental verify
// starts from it (docs/security.md, "Full and incremental verify").
const KindVerified = "verified"

// VerifiedNote is what a verify checkpoint says.
type VerifiedNote struct {
	Through int64  `json:"through"` // the last entry the verify checked
	Hash    string `json:"hash"`    // and that entry's hash
	// Owners commits to the latest signed leaf of every assessment and
	// subject up to Through (OwnersDigest): an incremental verify proves
	// that none of them was changed, removed or added behind the ledger.
	Owners      string `json:"owners"`
	Count       int    `json:"count"` // how many owners that is
	Full        bool   `json:"full"`  // a full verify; else one since checkpoint Since
	Since       int64  `json:"since,omitempty"`
	Assessments int    `json:"assessments"`
	Subjects    int    `json:"subjects"`
	// HashOnly carries forward what a full verify counted (VerifyResult).
	HashOnly int `json:"hash_only,omitempty"`
	// On a team database, the record of grants the verify found intact
	// (grants_seen.go); nil elsewhere.
	*GrantsSeen
}

// VerifiedOf reads a verify checkpoint's note.
func (e *Entry) VerifiedOf() (VerifiedNote, error) {
	var n VerifiedNote
	if e.Kind != KindVerified {
		return n, fmt.Errorf("entry %d is a %s entry, not a verify checkpoint", e.Seq, e.Kind)
	}
	if err := json.Unmarshal([]byte(e.Note), &n); err != nil {
		return n, fmt.Errorf("entry %d: the verify checkpoint's note does not read: %v", e.Seq, err)
	}
	if n.Through < 1 || n.Through >= e.Seq || n.Hash == "" || n.Owners == "" {
		return n, fmt.Errorf("entry %d: the verify checkpoint names no entry before it", e.Seq)
	}
	return n, nil
}

// OwnersDigest hashes owners' latest leaves, given by owner UUID, in
// UUID order.
func OwnersDigest(leaves map[string]Leaf) string {
	uuids := make([]string, 0, len(leaves))
	for u := range leaves {
		uuids = append(uuids, u)
	}
	sort.Strings(uuids)
	h := sha256.New()
	h.Write([]byte("assay verified owners v1\n"))
	for _, u := range uuids {
		writeField(h, u)
		writeField(h, leaves[u].Hash())
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Resume sets a new checker to go on after entry seq, whose hash is hash,
// as a verify checkpoint proved them: the next entry Add takes is seq+1.
// keys are the entries that registered keys up to seq (genesis and key
// entries, in order); each is checked as Add checks it, but for its link.
func (c *Checker) Resume(seq int64, hash string, keys []*Entry) *Break {
	for _, e := range keys {
		c.next, c.prev = e.Seq, e.PrevHash
		if b := c.check(e); b != nil {
			c.flush()
			return b
		}
		// A registration before the checkpoint is no entry since it:
		// counted, it named a key that signed nothing since among those
		// that did.
		c.Entries--
		if s := c.keys[e.KeyID]; s != nil && s.Entries > 0 && (c.Only == nil || c.Only(e.Seq)) {
			s.Entries--
		}
	}
	c.next, c.prev = seq+1, hash
	return nil
}
