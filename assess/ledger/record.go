package ledger

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
)

// Record is one record of an audit chain, exactly as stored and exported:
// its hash covers every field but itself, and the previous record's hash.
type Record struct {
	Seq      int64  `json:"seq"`
	At       string `json:"at"`
	Actor    string `json:"actor"`
	Kind     string `json:"kind"`
	Target   string `json:"target"`
	Old      string `json:"old"`
	New      string `json:"new"`
	PrevHash string `json:"prev_hash"`
	Hash     string `json:"hash"`
}

// ComputeHash hashes every field but the hash itself, length-prefixed so
// that no two different records can run together into the same bytes.
func (r Record) ComputeHash() string {
	h := sha256.New()
	for _, f := range []string{strconv.FormatInt(r.Seq, 10), r.At, r.Actor, r.Kind, r.Target, r.Old, r.New, r.PrevHash} {
		writeField(h, f)
	}
	return hex.EncodeToString(h.Sum(nil))
}

type writer interface{ Write([]byte) (int, error) }

// writeField writes a length-prefixed field: "len:bytes".
func writeField(h writer, f string) {
	h.Write([]byte(strconv.Itoa(len(f))))
	h.Write([]byte{':'})
	h.Write([]byte(f))
}
