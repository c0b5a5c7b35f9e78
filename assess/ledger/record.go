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
// The fields are laid out in one buffer and hashed at once: a verify
// hashes every record of the database, and writing each field to the
// hash on its own cost an allocation per field.
func (r Record) ComputeHash() string {
	var buf [1024]byte
	var num [20]byte
	b := appendField(buf[:0], strconv.AppendInt(num[:0], r.Seq, 10))
	for _, f := range [...]string{r.At, r.Actor, r.Kind, r.Target, r.Old, r.New, r.PrevHash} {
		b = appendField(b, f)
	}
	sum := sha256.Sum256(b)
	var out [2 * sha256.Size]byte
	hex.Encode(out[:], sum[:])
	return string(out[:])
}

// appendField appends a field as writeField writes it: "len:bytes".
func appendField[T string | []byte](b []byte, f T) []byte {
	b = strconv.AppendInt(b, int64(len(f)), 10)
	b = append(b, ':')
	return append(b, f...)
}

type writer interface{ Write([]byte) (int, error) }

// writeField writes a length-prefixed field: "len:bytes".
func writeField(h writer, f string) {
	h.Write([]byte(strconv.Itoa(len(f))))
	h.Write([]byte{':'})
	h.Write([]byte(f))
}
