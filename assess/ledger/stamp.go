package ledger

import (
	"encoding/json"
	"strings"
	"time"
)

// Each answer and plan edit is stored with who saved it and when: the
// message about another person's change shows them, and an answer's time
// is OSCAL's collection date. They are stored beside the trail, not in
// it, so verify and import hold them to the trail by one rule (CheckStamp).

// Stamp is who saved an answer or plan edit, and when (RFC 3339), as
// stored beside it.
type Stamp struct {
	At string `json:"at"`
	By string `json:"by"`
}

// StampSlack is how long before its record an older assay could stamp
// the row it saved. A save now stamps the row with its record's own time
// and name; before, it took the time a moment earlier in the same
// transaction (after a server's round trip or two at most, on a team
// database), and such rows must still verify.
const StampSlack = time.Minute

// Copied is what a revision's creation record states of the answers and
// plan edits it copied: who saved each, and when, in the assessment it
// revises. The copy keeps them, while its own records of the copy are
// the reviser's.
type Copied struct {
	Answers map[string]Stamp `json:"answers"`
	Plan    map[string]Stamp `json:"plan_edits"`
}

// StampBreak is a stored stamp its trail contradicts: Field is "by" or
// "at", Stored the stamp's value and Trail what Seq says. Copy is true
// when Seq is a revision's creation record, which states what it copied;
// NotATime when the stored time does not read.
type StampBreak struct {
	Field         string
	Seq           int64
	Stored, Trail string
	Copy          bool
	NotATime      bool
}

// CheckStamp holds the stamp stored with an answer (kind "answer") or a
// plan edit ("plan") of item to the trail: to r, the record that last set
// it, whose name it must be and whose time, or up to StampSlack before
// it (an older assay's row); or, when r is one of a revision's records of
// the copy, to what its creation record says the copy kept, exactly. A
// revision made before creation records stated that says nothing, and
// such a copy is not compared.
func (t *Trail) CheckStamp(kind, item string, stored Stamp, r Record) *StampBreak {
	if r.Seq > t.Copies && stored.At == r.At && stored.By == r.Actor {
		return nil // as assay writes it now: verify checks a million of these
	}
	at, err := time.Parse(time.RFC3339Nano, stored.At)
	if err != nil {
		return &StampBreak{Field: "at", Seq: r.Seq, Stored: stored.At, NotATime: true}
	}
	want, seq, copy := Stamp{At: r.At, By: r.Actor}, r.Seq, false
	if r.Seq <= t.Copies {
		if t.Copied == nil {
			return nil
		}
		m := t.Copied.Answers
		if kind == "plan" {
			m = t.Copied.Plan
		}
		s, ok := m[item]
		if !ok {
			return &StampBreak{Field: "by", Seq: 1, Stored: stored.By, Copy: true}
		}
		want, seq, copy = s, 1, true
	}
	if strings.TrimSpace(stored.By) != strings.TrimSpace(want.By) {
		return &StampBreak{Field: "by", Seq: seq, Stored: stored.By, Trail: want.By, Copy: copy}
	}
	wantAt, err := time.Parse(time.RFC3339Nano, want.At)
	if err != nil {
		return nil // a record's time is as assay wrote it: its hash covers it
	}
	if at.Equal(wantAt) || !copy && at.Before(wantAt) && wantAt.Sub(at) <= StampSlack {
		return nil
	}
	return &StampBreak{Field: "at", Seq: seq, Stored: stored.At, Trail: want.At, Copy: copy}
}

// creationStamps reads what a creation record states of the row's
// creation time and, for a revision, of what it copied.
func (t *Trail) creationStamps(r Record, m map[string]json.RawMessage) {
	if v, ok := m["created_at"]; ok {
		var s string
		if json.Unmarshal(v, &s) == nil {
			t.CreatedAt = s
		}
	}
	if r.Kind != "revise" {
		return
	}
	var n struct {
		Answers int64 `json:"answers_copied"`
		Plan    int64 `json:"plan_edits_copied"`
	}
	if json.Unmarshal([]byte(r.New), &n) == nil {
		t.Copies = r.Seq + n.Answers + n.Plan
	}
	if v, ok := m["copied_stamps"]; ok {
		var c Copied
		if json.Unmarshal(v, &c) == nil {
			t.Copied = &c
		}
	}
}
