package ledger

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
)

// The record hash is over its fields written out by hand as
// "length:bytes", in order, without the hash itself: databases written
// before and after any change to how it is computed must verify alike.
func TestRecordHashIsOverLengthPrefixedFields(t *testing.T) {
	long := strings.Repeat("é", 700) // 1,400 bytes: more than the buffer on the stack
	r := Record{Seq: 12, At: "2026-01-02T03:04:05Z", Actor: "Ann", Kind: "answer", Target: "Q1",
		Old: "", New: long, PrevHash: "ab", Hash: "ignored"}
	want := sha256.Sum256([]byte("2:12" + "20:2026-01-02T03:04:05Z" + "3:Ann" + "6:answer" + "2:Q1" + "0:" + "1400:" + long + "2:ab"))
	if got := r.ComputeHash(); got != hex.EncodeToString(want[:]) {
		t.Fatalf("hash %s, want %x", got, want)
	}
	r.Seq = -3
	want = sha256.Sum256([]byte("2:-3" + "20:2026-01-02T03:04:05Z" + "3:Ann" + "6:answer" + "2:Q1" + "0:" + "1400:" + long + "2:ab"))
	if got := r.ComputeHash(); got != hex.EncodeToString(want[:]) {
		t.Fatalf("hash of seq -3 %s, want %x", got, want)
	}
}
