package ledger

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"strconv"
)

// Entry kinds.
const (
	// KindGenesis opens a database's ledger: it names the database and
	// registers the key that signs it.
	KindGenesis = "genesis"
	// KindKey registers a person's public key, signed by that key.
	KindKey = "key"
	// KindCheckpoint commits to every chain as it stood when signing
	// began on a database written before it: their history up to here is
	// hash-chained only.
	KindCheckpoint = "checkpoint"
	// KindWrite commits to the chains one transaction changed.
	KindWrite = "write"
)

// Scopes: whose chain a leaf commits to.
const (
	ScopeAssessment = "assessment"
	ScopeSubject    = "subject"
)

// Entry is one entry of the ledger.
type Entry struct {
	Seq      int64  `json:"seq"`  // 1, 2, 3…
	At       string `json:"at"`   // UTC RFC 3339
	Kind     string `json:"kind"` // KindGenesis, KindKey, KindCheckpoint, KindWrite
	KeyID    string `json:"key_id"`
	Note     string `json:"note"` // JSON: a genesis's, key's or checkpoint's particulars; "" for a write
	PrevHash string `json:"prev_hash"`
	Hash     string `json:"hash"`
	// Signature is the key KeyID's signature of Hash, in base64.
	Signature string `json:"signature"`
	// Leaves are the chains the entry commits to; a proof carries their
	// hashes only (LeafHashes), so an export names no other assessment.
	Leaves     []Leaf   `json:"-"`
	LeafHashes []string `json:"leaves,omitempty"`
}

// Leaf commits to one chain: its owner, length and head, and the hash of
// its owner's state.
type Leaf struct {
	Scope   string `json:"scope"` // ScopeAssessment or ScopeSubject
	UUID    string `json:"uuid"`
	ID      int64  `json:"id"` // the owner's row id in this database, to name it once it is gone
	Records int64  `json:"records"`
	Head    string `json:"head"`
	State   string `json:"state"` // StateHash of the owner's state
}

// Hash is the leaf's hash.
func (l Leaf) Hash() string {
	h := sha256.New()
	h.Write([]byte("assay ledger leaf v1\n"))
	for _, f := range []string{l.Scope, l.UUID, strconv.FormatInt(l.ID, 10), strconv.FormatInt(l.Records, 10), l.Head, l.State} {
		writeField(h, f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// ComputeHash hashes the entry's fields, the previous entry's hash and
// its leaves' hashes (from Leaves when it has them, else LeafHashes).
func (e *Entry) ComputeHash() string {
	leaves := e.LeafHashes
	if e.Leaves != nil {
		leaves = make([]string, len(e.Leaves))
		for i, l := range e.Leaves {
			leaves[i] = l.Hash()
		}
	}
	h := sha256.New()
	h.Write([]byte("assay ledger entry v1\n"))
	for _, f := range []string{strconv.FormatInt(e.Seq, 10), e.At, e.Kind, e.KeyID, e.Note, e.PrevHash, strconv.Itoa(len(leaves))} {
		writeField(h, f)
	}
	for _, l := range leaves {
		writeField(h, l)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Seal sets the entry's hash and, with a key, its key ID and signature.
// Without a key the entry is unsigned, and every verifier refuses it.
func (e *Entry) Seal(k *PrivateKey) {
	if k != nil {
		e.KeyID = k.Public().ID()
	}
	e.Hash = e.ComputeHash()
	if k != nil {
		e.Signature = k.Sign(e.Hash)
	}
}

// KeyNote is what a genesis or key entry registers: the key and the name
// of the person it belongs to; a genesis adds the database's identity.
type KeyNote struct {
	Database string `json:"database,omitempty"`
	Name     string `json:"name"`
	Key      string `json:"key"`
	// On a team database, the record of grants as it stood when the key
	// was registered (grants_seen.go); nil elsewhere.
	*GrantsSeen
}

// CheckpointNote says why a checkpoint was written.
type CheckpointNote struct {
	Reason string `json:"reason"`
}

// NoteJSON encodes a note.
func NoteJSON(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// KeyOf reads the key a genesis or key entry registers.
func (e *Entry) KeyOf() (KeyNote, PublicKey, bool) {
	if e.Kind != KindGenesis && e.Kind != KindKey {
		return KeyNote{}, nil, false
	}
	var n KeyNote
	if json.Unmarshal([]byte(e.Note), &n) != nil {
		return KeyNote{}, nil, false
	}
	k, err := ParsePublicKey(n.Key)
	if err != nil {
		return KeyNote{}, nil, false
	}
	return n, k, true
}
