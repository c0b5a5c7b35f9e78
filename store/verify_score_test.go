package store

import (
	"crypto/sha256"
	"strconv"
	"strings"
	"testing"
)

// The scoring cache's key is the hash of every input written out as
// "length:bytes", in order: two assessments share a scoring only when
// their stored inputs are the same. The key goes through a 4 KiB buffer;
// values longer than it, and lengths at its edge, must hash as if written
// in one piece.
func TestScoreKeyIsOverLengthPrefixedInputs(t *testing.T) {
	for _, noteLen := range []int{0, 1, 4000, 4070, 4096, 10_000} {
		note := strings.Repeat("n", noteLen)
		o := &ownerRows{a: &assessmentRaw{
			row: assessmentRow{digest: "d1", assessedOn: "2026-03-01", deadlines: "{}"},
			answers: []answerRaw{
				{qid: "mfa", value: `{"choices":["no"]}`, note: note, evidence: "[]", source: "analyst", reviewed: 1, updated: "2026-03-01T09:00:00Z", by: "Ana"},
				{qid: "q2", value: `{"text":"é"}`, evidence: "[]", source: "vendor", updated: "t", by: ""},
			},
			plan: []planRaw{{key: "mfa", edit: `{"owner":"Ops"}`}},
		}}
		want := sha256.Sum256([]byte("2:d1" + "10:2026-03-01" + "2:{}" + "1:2" +
			"3:mfa" + `18:{"choices":["no"]}` + strconv.Itoa(noteLen) + ":" + note + "2:[]" + "7:analyst" + "1:1" + "20:2026-03-01T09:00:00Z" + "3:Ana" +
			"2:q2" + `13:{"text":"é"}` + "0:" + "2:[]" + "6:vendor" + "1:0" + "1:t" + "0:" +
			"1:1" + "3:mfa" + `15:{"owner":"Ops"}`))
		if got := scoreKey(o); got != want {
			t.Fatalf("note of %d bytes: key %x, want %x", noteLen, got, want)
		}
	}
}
